package org.healthportal.cms.platform.rest;

import jakarta.ejb.EJBException;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonParsingException;
import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.healthportal.cms.platform.CmsException;
import org.healthportal.cms.platform.DatabaseAvailability;

/**
 * Turns every failure into {@code {"error": "…"}} with a fitting status. Unexpected failures (server errors among
 * them, whatever their message says: a database's words stay in the log) are logged with an incident id that the
 * client also gets, and nothing of the stack trace leaves the server.
 */
@Provider
public class ErrorMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(ErrorMapper.class.getName());

    @Override
    public Response toResponse(Throwable thrown) {
        if (DatabaseAvailability.isUnavailable(thrown)) {
            // The transaction rolled back whole (or, lost during its commit, committed whole): nothing half-written.
            DatabaseAvailability database = CDI.current().select(DatabaseAvailability.class).get();
            database.failed(thrown);
            return DatabaseGate.unavailable(database.retryAfterSeconds());
        }
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof CmsException e) {
                return error(e.status(), e.getMessage());
            }
            if (t instanceof JsonbException || t instanceof JsonParsingException) {
                return error(400, "Malformed JSON: " + firstLine(t.getMessage()).replaceFirst("^Internal error: ", ""));
            }
            if (t instanceof OptimisticLockException) {
                return error(409, "The article was changed by someone else at the same moment; reload it");
            }
            if (t instanceof WebApplicationException e && !(e.getCause() instanceof JsonbException)
                    && e.getResponse().getStatus() < 500) {
                int status = e.getResponse().getStatus();
                return error(status, status == 404 ? "Not found" : firstLine(e.getMessage()));
            }
            if (!(t instanceof EJBException || t instanceof ProcessingException
                    || t instanceof WebApplicationException)) {
                break;
            }
        }
        String incident = UUID.randomUUID().toString().substring(0, 8);
        LOG.log(Level.SEVERE, "API failure, incident " + incident, thrown);
        return error(500, "Internal error (incident " + incident + ")");
    }

    public static Response error(int status, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
                .entity(new ErrorBody(message)).build();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }

    /** The body of every error answer. */
    public record ErrorBody(String error) {
    }
}
