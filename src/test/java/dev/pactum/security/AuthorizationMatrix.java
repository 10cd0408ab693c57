package dev.pactum.security;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The authorisation matrix kept in {@code src/test/resources/security/authorization-matrix.md}: one table row per
 * request (method, path with fixture placeholders, named body), one column per role, each cell the expected status.
 */
record AuthorizationMatrix(List<String> roles, List<Row> rows) {

    static final String RESOURCE = "/security/authorization-matrix.md";
    private static final int FIXED_COLUMNS = 3;

    /** A cell: the expected status, and what the role may see of the victim's data in this answer. */
    record Expectation(int status, Sees sees) {

        /** A cell nobody has decided yet ({@code ?}): fails, showing what the app answered. */
        static final int UNDECIDED = -1;

        static Expectation parse(String cell) {
            if (cell.equals("?")) {
                return new Expectation(UNDECIDED, Sees.DEFAULT);
            }
            Sees sees = Sees.DEFAULT;
            String code = cell;
            if (cell.endsWith("+")) {
                sees = Sees.CONTRACT;
                code = cell.substring(0, cell.length() - 1);
            } else if (cell.endsWith("*")) {
                sees = Sees.CUSTOMER;
                code = cell.substring(0, cell.length() - 1);
            }
            return new Expectation(Integer.parseInt(code.trim()), sees);
        }
    }

    /** What a role may see of the victim's data beyond what the role sees anyway. */
    enum Sees {
        /** What the role sees everywhere: every contract for reviewers and admins, their own for sales. */
        DEFAULT,
        /** The customer (a shared directory entry), never the contract's title. */
        CUSTOMER,
        /** The contract's data too, in this answer only (e.g. auditors reading the audit trail). */
        CONTRACT
    }

    record Row(int line, String method, String path, String body, List<Expectation> cells) {

        /** The path without its query. */
        String bare() {
            return path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        }

        @Override
        public String toString() {
            return method + " " + path + (body.isEmpty() ? "" : " [" + body + "]") + " (line " + line + ")";
        }
    }

    /** A handler mapping's pattern ({@code /api/contracts/{id}}) as a regex matching a row's path. */
    static Pattern matcherFor(String pattern) {
        StringBuilder regex = new StringBuilder();
        for (String part : pattern.split("\\{[^}]*}", -1)) {
            if (!regex.isEmpty()) {
                regex.append("[^/]+");
            }
            regex.append(Pattern.quote(part));
        }
        return Pattern.compile(regex.toString());
    }

    static AuthorizationMatrix load() throws IOException {
        try (InputStream in = AuthorizationMatrix.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList());
        }
    }

    static AuthorizationMatrix parse(List<String> lines) {
        List<String> roles = null;
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).trim();
            if (!line.startsWith("|") || line.startsWith("|-") || line.startsWith("| -")) {
                continue;
            }
            List<String> cells = Arrays.stream(line.substring(1, line.length() - 1).split("\\|", -1))
                    .map(String::trim).map(cell -> cell.replace("`", "")).toList();
            if (roles == null) {
                roles = cells.subList(FIXED_COLUMNS, cells.size()).stream()
                        .map(header -> header.split(" ")[0]).toList();
                continue;
            }
            if (cells.size() != FIXED_COLUMNS + roles.size()) {
                throw new IllegalStateException("Line " + (i + 1) + " has " + cells.size() + " cells, expected "
                        + (FIXED_COLUMNS + roles.size()) + ": " + line);
            }
            rows.add(new Row(i + 1, cells.get(0), cells.get(1), cells.get(2),
                    cells.subList(FIXED_COLUMNS, cells.size()).stream().map(Expectation::parse).toList()));
        }
        if (roles == null) {
            throw new IllegalStateException("No table in " + RESOURCE);
        }
        return new AuthorizationMatrix(roles, rows);
    }
}
