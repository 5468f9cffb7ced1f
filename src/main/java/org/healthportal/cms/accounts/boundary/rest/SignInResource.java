package org.healthportal.cms.accounts.boundary.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import org.healthportal.cms.accounts.control.LoginThrottle;
import org.healthportal.cms.accounts.control.SignInRecords;
import org.healthportal.cms.accounts.entity.LoginAttempt;
import org.healthportal.cms.platform.Page;

/**
 * Failed and refused sign-ins for admins: {@code GET /api/sign-ins/attempts?username=&address=&page=&size=},
 * the blocks in force ({@code GET /api/sign-ins/blocks}), and lifting one
 * ({@code DELETE /api/sign-ins/blocks/accounts/{username}}, {@code …/addresses/{address}}).
 */
@Path("sign-ins")
@Produces(MediaType.APPLICATION_JSON)
public class SignInResource {

    @Inject
    SignInRecords records;

    @GET
    @Path("attempts")
    public List<AttemptJson> attempts(@QueryParam("username") String username, @QueryParam("address") String address,
                                      @QueryParam("page") String pageParameter,
                                      @QueryParam("size") String sizeParameter) {
        return records.attempts(username, address, Page.parameter("page", pageParameter, 0),
                Page.parameter("size", sizeParameter, 50)).stream().map(AttemptJson::of).toList();
    }

    @GET
    @Path("blocks")
    public List<BlockJson> blocks() {
        return records.blocks().stream().map(BlockJson::of).toList();
    }

    @DELETE
    @Path("blocks/accounts/{username}")
    public void liftAccount(@PathParam("username") String username) {
        records.liftAccount(username);
    }

    @DELETE
    @Path("blocks/addresses/{address}")
    public void liftAddress(@PathParam("address") String address) {
        records.liftAddress(address);
    }

    public record AttemptJson(String username, String address, String channel, String outcome, Instant at,
                              boolean cleared) {
        static AttemptJson of(LoginAttempt a) {
            return new AttemptJson(a.getUsername(), a.getClientAddress(), a.getChannel().name().toLowerCase(),
                    a.getOutcome().name().toLowerCase(), a.getOccurredAt(), a.isCleared());
        }
    }

    public record BlockJson(String kind, String username, String address, long failures, Instant until) {
        static BlockJson of(LoginThrottle.Block b) {
            return new BlockJson(b.kind().name().toLowerCase().replace('_', '-'), b.username(), b.clientAddress(),
                    b.failures(), b.until());
        }
    }
}
