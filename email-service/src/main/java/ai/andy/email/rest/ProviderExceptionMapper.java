package ai.andy.email.rest;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import ai.andy.email.ProviderException;
import ai.andy.email.service.ProviderFailures;
import ai.andy.runtime.problem.Problem;
import ai.andy.runtime.problem.ProblemException;

/** A provider's final answer as problem+json, worded by {@link ProviderFailures}. */
@Provider
public class ProviderExceptionMapper implements ExceptionMapper<ProviderException> {

    @Override
    public Response toResponse(ProviderException e) {
        ProblemException problem = ProviderFailures.problem(e);
        Response.ResponseBuilder response = Response.status(problem.status()).type(Problem.MEDIA_TYPE)
                .entity(new Problem("about:blank", problem.title(), problem.status(), problem.getMessage(), null,
                        null));
        problem.headers().forEach(response::header);
        return response.build();
    }
}
