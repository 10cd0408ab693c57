package dev.pactum.workspace;

import dev.pactum.security.CurrentUser;
import java.util.List;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A user's named contract-list filters: the list's query string under a name, private to its owner. */
@Service
class SavedFilters {

    record SavedFilter(long id, String name, String query) {
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final CurrentUser currentUser;

    SavedFilters(NamedParameterJdbcTemplate jdbc, CurrentUser currentUser) {
        this.jdbc = jdbc;
        this.currentUser = currentUser;
    }

    @Transactional(readOnly = true)
    List<SavedFilter> mine() {
        return jdbc.query("select id, name, query from saved_filter where owner = :owner order by name",
                new MapSqlParameterSource("owner", currentUser.username()),
                (rs, i) -> new SavedFilter(rs.getLong("id"), rs.getString("name"), rs.getString("query")));
    }

    /** Saves under the name, replacing the user's filter of the same name. */
    @Transactional
    void save(String name, String query) {
        jdbc.update("""
                insert into saved_filter (owner, name, query, created_at) values (:owner, :name, :query, now())
                on conflict (owner, name) do update set query = excluded.query""",
                new MapSqlParameterSource("owner", currentUser.username()).addValue("name", name)
                        .addValue("query", query));
    }

    @Transactional
    void delete(long id) {
        jdbc.update("delete from saved_filter where id = :id and owner = :owner",
                new MapSqlParameterSource("id", id).addValue("owner", currentUser.username()));
    }
}
