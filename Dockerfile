# music-sync: one image for the API (`serve`) and the Temporal worker (`worker`).
# Build: docker build -t music-sync .      Run: docker run --env-file .env music-sync serve

FROM eclipse-temurin:21-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
RUN ./mvnw -q -B dependency:go-offline
COPY src src
RUN ./mvnw -q -B -DskipTests package

FROM eclipse-temurin:21-jre
RUN useradd --system --uid 10001 --home-dir /data musicsync && mkdir -p /data/config \
    && chown -R musicsync /data
COPY --from=build /src/target/music-sync.jar /app/music-sync.jar
USER musicsync
WORKDIR /data
# The Spotify login (token file, owner-only) lives here: mount a volume to keep it.
ENV CONFIG_DIR=/data/config
VOLUME /data
# 8000: the API, dashboard and /metrics; 9464: a worker's /metrics (METRICS_PORT).
EXPOSE 8000 9464
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "--enable-native-access=ALL-UNNAMED", "-jar", "/app/music-sync.jar"]
CMD ["serve"]
