package cn.yibao.portal.web;

import java.net.URI;
import java.util.Optional;

/**
 * A page form that shows itself again — with what was typed and the problem next to its file field — when its upload
 * is over the multipart limits, instead of the general "file too large" page. The limits fail while the body is read
 * (often in the CSRF filter), so such a form keeps what it needs to show again somewhere other than the refused body.
 */
public interface UploadRefusals {

    /** Where to send a refused page POST to this path, or empty when this form does not handle it. */
    Optional<URI> formAgain(String path);
}
