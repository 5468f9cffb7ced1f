package org.healthportal.cms.platform.web;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import jakarta.faces.event.PhaseId;
import java.io.IOException;
import java.util.Iterator;
import org.healthportal.cms.platform.DatabaseAvailability;

/**
 * A back-office action that meets a database which does not answer: instead of the error page, the same page
 * again with a message, so what the user typed is still in the form (the view keeps it) and can be saved once
 * the database is back. A page that cannot even be drawn without the database answers 503.
 */
public class DatabaseDownExceptionHandler extends ExceptionHandlerWrapper {

    public DatabaseDownExceptionHandler(ExceptionHandler wrapped) {
        super(wrapped);
    }

    @Override
    public void handle() {
        FacesContext faces = FacesContext.getCurrentInstance();
        for (Iterator<ExceptionQueuedEvent> events = getUnhandledExceptionQueuedEvents().iterator(); events.hasNext(); ) {
            Throwable failure = events.next().getContext().getException();
            if (faces == null || !DatabaseAvailability.isUnavailable(failure)) {
                continue;
            }
            DatabaseAvailability database = CDI.current().select(DatabaseAvailability.class).get();
            database.failed(failure);
            ExternalContext external = faces.getExternalContext();
            if (faces.getCurrentPhaseId() != PhaseId.RENDER_RESPONSE) {
                events.remove();
                faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR,
                        Feedback.text("error.database.unavailable"), null));
                faces.validationFailed();
                faces.renderResponse();
            } else if (!external.isResponseCommitted() && !faces.getPartialViewContext().isAjaxRequest()) {
                events.remove();
                try {
                    external.responseReset();
                    external.setResponseHeader("Retry-After", String.valueOf(database.retryAfterSeconds()));
                    external.responseSendError(503, null);
                } catch (IOException e) {
                    // The client went away.
                }
                faces.responseComplete();
            }
        }
        getWrapped().handle();
    }

    /** Registered in faces-config.xml after OmniFaces' handler, so it sees the exceptions first. */
    public static class Factory extends ExceptionHandlerFactory {

        public Factory(ExceptionHandlerFactory wrapped) {
            super(wrapped);
        }

        @Override
        public ExceptionHandler getExceptionHandler() {
            return new DatabaseDownExceptionHandler(getWrapped().getExceptionHandler());
        }
    }
}
