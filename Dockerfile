# Claims Atlas: the app image (one Streamlit replica) and the proxy image (nginx with the static
# files), for deploy/compose/compose.yaml. Built from the repository root:
#   docker compose -f deploy/compose/compose.yaml up --build
# Not built on the machine this repository is developed on (it has no Docker engine); the same
# topology is tested there with `make serve-replicas` (deploy/replicas.py, tests/test_deploy.py).

FROM python:3.11-slim-bookworm AS app
# Debian's npm installs the pinned map assets (Leaflet) so the map draws with no CDN.
RUN apt-get update \
 && apt-get install -y --no-install-recommends nodejs npm curl \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY requirements.txt ./
RUN pip install --no-cache-dir -r requirements.txt
COPY package.json package-lock.json ./
COPY . .
RUN python scripts/build_static.py && rm -rf node_modules
RUN useradd --create-home --uid 10001 atlas && mkdir -p /app/.cache && chown -R atlas /app/.cache
USER atlas
ENV STREAMLIT_SERVER_HEADLESS=true \
    STREAMLIT_SERVER_FILE_WATCHER_TYPE=none \
    CLAIMS_ATLAS_SOURCES=/sources
EXPOSE 8501
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s CMD curl -fsS http://127.0.0.1:8501/_stcore/health || exit 1
# Inside the compose network only nginx reaches this port; it is not published.
CMD ["streamlit", "run", "app.py", "--server.address", "0.0.0.0", "--server.port", "8501"]

FROM nginx:1.22-bookworm AS proxy
COPY --from=app /app/static /srv/claims-atlas/app-static
COPY --from=app /usr/local/lib/python3.11/site-packages/streamlit/static/static /srv/claims-atlas/streamlit-static
COPY deploy/compose/nginx.conf /etc/nginx/nginx.conf
RUN mkdir -p /var/run/claims-atlas
EXPOSE 80
CMD ["nginx", "-g", "daemon off;"]
