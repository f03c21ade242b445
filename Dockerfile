# Build
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /source
COPY global.json Directory.Build.props Directory.Packages.props BannedSymbols.txt .editorconfig ./
COPY src/FamilyPortal.Web/FamilyPortal.Web.csproj src/FamilyPortal.Web/
RUN dotnet restore src/FamilyPortal.Web/FamilyPortal.Web.csproj
COPY src/ src/
RUN dotnet publish src/FamilyPortal.Web/FamilyPortal.Web.csproj -c Release -o /app --no-restore

# Run
FROM mcr.microsoft.com/dotnet/aspnet:10.0
# fontconfig and DejaVu fonts: SkiaSharp draws the captcha text with them; curl for the health check.
RUN apt-get update \
    && apt-get install -y --no-install-recommends libfontconfig1 fonts-dejavu-core curl \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /app .
# data/: where a demonstration keeps the certificate of its key ring (a volume in docker-compose.yml).
RUN mkdir -p /app/data && chown "$APP_UID" /app/data
ENV ASPNETCORE_URLS=http://+:8080 \
    ASPNETCORE_ENVIRONMENT=Production
EXPOSE 8080
USER $APP_UID
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s CMD curl -fsS http://localhost:8080/health || exit 1
ENTRYPOINT ["dotnet", "FamilyPortal.Web.dll"]
