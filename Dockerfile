# syntax=docker/dockerfile:1
# --- build: the Maven wrapper on a JDK 17 ---------------------------------------------------------
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY mvnw pom.xml ./
COPY .mvn .mvn
RUN ./mvnw -B -ntp -q dependency:go-offline
COPY frontend frontend
COPY src src
RUN ./mvnw -B -ntp -DskipTests package && cp target/slb-doctor-*.jar /src/app.jar

# --- run: a JRE 17, non-root, data on a volume ---------------------------------------------------
FROM eclipse-temurin:17-jre
# CJK fonts so troubleshooting records (PDF) render Chinese instance names and labels
RUN apt-get update \
 && apt-get install -y --no-install-recommends fonts-noto-cjk \
 && rm -rf /var/lib/apt/lists/* \
 && groupadd --system slbdoctor \
 && useradd --system --gid slbdoctor --home-dir /app --shell /usr/sbin/nologin slbdoctor \
 && mkdir -p /app/data \
 && chown slbdoctor:slbdoctor /app/data
WORKDIR /app
COPY --from=build /src/app.jar /app/app.jar
USER slbdoctor
VOLUME ["/app/data"]
EXPOSE 8080
ENV SPRING_DATASOURCE_URL=jdbc:h2:file:/app/data/slbdoctor \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
