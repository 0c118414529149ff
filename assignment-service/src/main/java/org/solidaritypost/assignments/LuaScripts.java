package org.solidaritypost.assignments;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * The service's Redis scripts, read once. A script made from a resource asks on every
 * call whether the file changed, which inside a runnable jar is a jar lookup per draw.
 */
public final class LuaScripts {

	private LuaScripts() {
	}

	public static <T> RedisScript<T> load(String path, Class<T> resultType) {
		try {
			return RedisScript.of(new ClassPathResource(path).getContentAsString(StandardCharsets.UTF_8), resultType);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The script " + path + " is part of the service", ex);
		}
	}

}
