# syntax=docker/dockerfile:1
# One image recipe for every service: docker build --build-arg SERVICE=gateway .
# The build stage does not depend on SERVICE, so compose builds the four jars once for the four images, and the
# Maven repository is a BuildKit cache that outlives the build: a rebuild downloads nothing it already has.
# Layered: dependencies change rarely, so a rebuild after a code change ships only the last layer.
FROM eclipse-temurin:21-jdk AS build
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/root/.m2,sharing=locked \
	./mvnw -B -q -DskipTests -Dspring-javaformat.skip -pl prisoner-service,assignment-service,content-service,gateway -am package \
	&& mkdir /jars && for service in prisoner-service assignment-service content-service gateway; do \
		cp ${service}/target/${service}-*-exec.jar /jars/${service}.jar; done

FROM eclipse-temurin:21-jre AS layers
ARG SERVICE
WORKDIR /layers
COPY --from=build /jars/${SERVICE}.jar app.jar
RUN java -Djarmode=tools -jar app.jar extract --layers --launcher --destination extracted

FROM eclipse-temurin:21-jre
RUN useradd --system --uid 10001 solidarity
USER solidarity
WORKDIR /app
COPY --from=layers /layers/extracted/dependencies/ ./
COPY --from=layers /layers/extracted/spring-boot-loader/ ./
COPY --from=layers /layers/extracted/snapshot-dependencies/ ./
COPY --from=layers /layers/extracted/application/ ./
# the heap from the container's memory limit (mem_limit in docker-compose.yml); the rest is for metaspace, threads,
# code cache and Netty's direct buffers
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=60", "org.springframework.boot.loader.launch.JarLauncher"]
