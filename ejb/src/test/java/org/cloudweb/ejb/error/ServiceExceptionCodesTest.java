package org.cloudweb.ejb.error;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class ServiceExceptionCodesTest {

    /** The error codes of the API specification that a service can raise. */
    private static final Set<String> SPEC_CODES = Set.of("bad_request", "invalid_name", "path_too_long",
            "unauthorized", "forbidden", "object_disabled", "not_found", "conflict", "not_empty",
            "precondition_failed", "checksum_mismatch", "quota_exceeded", "range_not_satisfiable",
            "too_many_requests", "service_unavailable");

    @Test
    void theHierarchyCoversEverySpecifiedCode() {
        Set<String> codes = new TreeSet<>();
        for (ServiceException e : new ServiceException[] {
            new BadRequestException("m"),
            new BadRequestException("invalid_name", "m"),
            new BadRequestException("path_too_long", "m"),
            new UnauthorizedException("m"),
            new ForbiddenException("m"),
            new ForbiddenException("object_disabled", "m"),
            new NotFoundException("m"),
            new ConflictException("m"),
            new ConflictException("not_empty", "m"),
            new PreconditionFailedException("m"),
            new ChecksumMismatchException("m"),
            new QuotaExceededException("m"),
            new RangeNotSatisfiableException("m"),
            new TooManyRequestsException("m", 60),
            new ServiceUnavailableException("m", 5)
        }) {
            codes.add(e.getCode());
        }
        assertEquals(new TreeSet<>(SPEC_CODES), codes);
    }

    @Test
    void retryableExceptionsSayHowLongToWait() {
        assertEquals(60, new TooManyRequestsException("slow down", 60).getRetryAfterSeconds());
        assertEquals("slow down", new TooManyRequestsException("slow down", 60).getMessage());
    }
}
