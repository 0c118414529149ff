package org.solidaritypost.gateway.problems;

import java.nio.charset.StandardCharsets;
import java.util.Set;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import reactor.netty.NettyPipeline;
import reactor.netty.http.server.HttpServer;

import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * Reactor Netty answers a request it cannot decode (headers or request line too long, a
 * malformed request) itself, before Spring sees it, with an empty body. This puts the
 * problem the contract promises into those answers on their way out.
 */
@Component
class MalformedRequests implements NettyServerCustomizer {

	private final JsonMapper json;

	MalformedRequests(JsonMapper json) {
		this.json = json;
	}

	@Override
	public HttpServer apply(HttpServer server) {
		ChannelHandler problems = new ProblemBodies(this.json);
		return server.doOnChannelInit((observer, channel, address) -> {
			if (channel.pipeline().get(NettyPipeline.HttpCodec) != null) {
				channel.pipeline().addAfter(NettyPipeline.HttpCodec, "solidarity-post.malformed-requests", problems);
			}
		});
	}

	@ChannelHandler.Sharable
	static final class ProblemBodies extends ChannelOutboundHandlerAdapter {

		// what Reactor Netty answers on its own when it cannot decode a request
		private static final Set<Integer> DECODING_FAILURES = Set.of(400, 413, 414, 431);

		private final JsonMapper json;

		ProblemBodies(JsonMapper json) {
			this.json = json;
		}

		@Override
		public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
			if (msg instanceof FullHttpResponse response && DECODING_FAILURES.contains(response.status().code())
					&& !response.content().isReadable() && !response.headers().contains(HttpHeaderNames.CONTENT_TYPE)) {
				ctx.write(withProblem(response), promise);
				return;
			}
			super.write(ctx, msg, promise);
		}

		private FullHttpResponse withProblem(FullHttpResponse empty) {
			int status = empty.status().code();
			HttpStatus known = HttpStatus.resolve(status);
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(status), switch (status) {
				case 431 -> "The request's headers are too large.";
				case 414 -> "The request's address is too long.";
				case 413 -> "The request body is too large.";
				default -> "The request could not be read.";
			});
			problem.setTitle((known != null) ? known.getReasonPhrase() : "Error");
			byte[] body = this.json.writeValueAsString(problem).getBytes(StandardCharsets.UTF_8);
			FullHttpResponse answer = new DefaultFullHttpResponse(empty.protocolVersion(), empty.status(),
					Unpooled.wrappedBuffer(body), empty.headers().copy(), empty.trailingHeaders().copy());
			answer.headers().set(HttpHeaderNames.CONTENT_TYPE, MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			answer.headers().set(HttpHeaderNames.CONTENT_LENGTH, body.length);
			empty.release();
			return answer;
		}

	}

}
