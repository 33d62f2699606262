/**
 * Help-desk assisted sessions (代办): a worker with the {@code HELP_DESK} role acts for a resident who is present,
 * after the resident shows their code or approves on their phone (or reads out a one-time code), within the worker's
 * region and for a limited time.
 *
 * <p>Owns {@code assist_session} and {@code assist_action} ({@code V21}, {@code V31}); the one-time codes are kept
 * in Redis when configured, else in memory. Rules ({@code domain}): {@code AssistRules} lists what a worker may do
 * for a resident and what is refused (the resident's own code, their sign-in), {@code AssistSession} and
 * {@code AssistStatus} the session's life. {@code AssistGate} checks every assisted request and leaves one audit row
 * for it; {@code web} has the desk pages and {@code /api/v1/assist}.
 *
 * <p>API for other modules: {@code AssistSessions} (start, approve, end) and the home notices it contributes; other
 * modules learn that a request is assisted through {@code identity} and {@code resident}, never from this package.
 */
package cn.yibao.portal.assist;
