package org.opencrm.contacts.photo;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of contacts' photos.
 *
 * @param maxFileSize the largest upload; a larger one is 413. The request as a whole is bounded earlier by
 *                    the service's multipart limit, which imports need much larger
 *                    ({@code spring.servlet.multipart.max-file-size})
 * @param maxPixels   larger pictures are refused before they are decoded (a small PNG can claim a huge canvas)
 * @param side        the longest side of the photo kept, in pixels; smaller pictures are kept at their size
 * @param thumbSide   the longest side of the thumbnail lists show
 * @param cacheFor    how long a browser may keep a photo asked for by its version ({@code ?v=}): that address
 *                    never shows another picture
 */
@ConfigurationProperties("crm.contacts.photos")
public record PhotoSettings(
        @DefaultValue("5MB") DataSize maxFileSize,
        @DefaultValue("50000000") long maxPixels,
        @DefaultValue("512") int side,
        @DefaultValue("64") int thumbSide,
        @DefaultValue("365d") Duration cacheFor) {
}
