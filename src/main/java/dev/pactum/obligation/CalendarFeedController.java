package dev.pactum.obligation;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import dev.pactum.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Calendar feed", description = "日历订阅 · my contract dates as an iCalendar feed for calendar apps")
class CalendarFeedController {

    private static final MediaType CALENDAR = new MediaType("text", "calendar", StandardCharsets.UTF_8);

    private final CalendarFeed feed;
    private final CurrentUser currentUser;

    CalendarFeedController(CalendarFeed feed, CurrentUser currentUser) {
        this.feed = feed;
        this.currentUser = currentUser;
    }

    @PostMapping("/api/me/calendar-token")
    @Operation(summary = "A new address for my calendar feed, shown this once; the one I had stops working")
    @ApiResponse(responseCode = "201", description = "Issued; the address is shown only in this answer")
    public ResponseEntity<CalendarFeed.IssuedToken> issue() {
        // No Location header: the address is the credential and must not end up in logs or the audit trail.
        return ResponseEntity.status(HttpStatus.CREATED).body(feed.issue(currentUser.username()));
    }

    @GetMapping("/api/me/calendar-token")
    @Operation(summary = "Whether I have a calendar feed address in use, and since when (the address is not shown again)")
    public TokenStatus mine() {
        return feed.issuedAt(currentUser.username()).map(at -> new TokenStatus(true, at))
                .orElseGet(() -> new TokenStatus(false, null));
    }

    @DeleteMapping("/api/me/calendar-token")
    @Operation(summary = "Revoke my calendar feed address: it answers 404 from now on")
    public ResponseEntity<Void> revoke() {
        feed.revoke(currentUser.username());
        return ResponseEntity.noContent().build();
    }

    /** No session: the token in the address is the credential (see SecurityConfiguration). */
    @GetMapping(CalendarFeed.PATH_PREFIX + "{token}" + CalendarFeed.PATH_SUFFIX)
    @Operation(summary = "The calendar feed (RFC 5545) of the token's owner; 404 for an unknown or revoked token")
    public ResponseEntity<byte[]> calendar(@PathVariable String token) {
        return ResponseEntity.ok().contentType(CALENDAR).body(feed.feed(token).getBytes(StandardCharsets.UTF_8));
    }

    record TokenStatus(boolean active, Instant createdAt) {
    }
}
