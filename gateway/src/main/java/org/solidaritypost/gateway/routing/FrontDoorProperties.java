package org.solidaritypost.gateway.routing;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param maxBodySize the largest request body a route accepts unless its
 * {@code max-body-size} metadata says otherwise
 */
@ConfigurationProperties("solidarity-post.front-door")
record FrontDoorProperties(@DefaultValue("1MB") DataSize maxBodySize) {

}
