package org.cloudweb.web.config;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.Map;
import org.cloudweb.ejb.config.ConfigService;
import org.cloudweb.ejb.error.BadRequestException;

/**
 * {@code GET /config} lists every setting with its current value; {@code PUT /config} with a JSON object
 * changes the settings it names (null puts one back to its default) and answers the new list.
 */
@Path("config")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ConfigResource {

    @Inject
    ConfigService config;

    @GET
    public Map<String, Object> all() {
        return config.all();
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> update(@NotNull JsonValue body) {
        // taken as any JSON value: the JSON-P reader would hand an array to a JsonObject parameter
        if (!(body instanceof JsonObject changes)) {
            throw new BadRequestException("The body must be a JSON object of setting names and values");
        }
        Map<String, Object> values = new LinkedHashMap<>();
        changes.forEach((key, value) -> values.put(key, toJava(key, value)));
        return config.update(values);
    }

    private static Object toJava(String key, JsonValue value) {
        return switch (value.getValueType()) {
            case NULL -> null;
            case TRUE -> Boolean.TRUE;
            case FALSE -> Boolean.FALSE;
            case NUMBER -> ((JsonNumber) value).bigDecimalValue();
            case STRING -> ((JsonString) value).getString();
            default -> throw new BadRequestException(key + " takes a single value, not a list or an object");
        };
    }
}
