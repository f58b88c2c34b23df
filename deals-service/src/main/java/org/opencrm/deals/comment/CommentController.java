package org.opencrm.deals.comment;

import jakarta.validation.Valid;
import java.net.URI;
import java.util.UUID;
import org.opencrm.deals.card.CardKind;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The comments of leads and deals. */
@RestController
class CommentController {

    private final Comments comments;

    CommentController(Comments comments) {
        this.comments = comments;
    }

    @GetMapping("/api/deals/{cards:leads|deals}/{id}/comments")
    Comments.Page list(@PathVariable String cards, @PathVariable UUID id, @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "30") int limit) {
        return comments.of(kind(cards), id, cursor, limit);
    }

    @PostMapping("/api/deals/{cards:leads|deals}/{id}/comments")
    ResponseEntity<Comments.View> add(@PathVariable String cards, @PathVariable UUID id,
            @Valid @RequestBody Comments.Draft draft) {
        Comments.View created = comments.add(kind(cards), id, draft);
        return ResponseEntity.created(URI.create("/api/deals/" + cards + "/" + id + "/comments/" + created.id()))
                .body(created);
    }

    @PutMapping("/api/deals/{cards:leads|deals}/{id}/comments/{commentId}")
    Comments.View edit(@PathVariable String cards, @PathVariable UUID id, @PathVariable UUID commentId,
            @Valid @RequestBody Comments.Draft draft) {
        return comments.edit(kind(cards), id, commentId, draft);
    }

    @DeleteMapping("/api/deals/{cards:leads|deals}/{id}/comments/{commentId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void remove(@PathVariable String cards, @PathVariable UUID id, @PathVariable UUID commentId) {
        comments.remove(kind(cards), id, commentId);
    }

    private static CardKind kind(String cards) {
        return "leads".equals(cards) ? CardKind.LEAD : CardKind.DEAL;
    }
}
