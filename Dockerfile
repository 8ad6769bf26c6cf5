# One image for the gateway and the five subgraphs; docker-compose.yml picks the process with `command`.
FROM node:20-bookworm-slim AS build
WORKDIR /app
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY common common
COPY gateway gateway
COPY subgraphs subgraphs
# The gateway serves the explorer and the journalist's page from web/ (code compiled here, pages read at run time).
COPY web web
# The subgraphs run these at start to create and change their PostgreSQL tables (dist/migrations/<subgraph>/).
COPY migrations migrations
RUN npm run build && npm prune --omit=dev

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY --from=build /app/node_modules node_modules
COPY --from=build /app/dist dist
COPY package.json ./
COPY schema schema
COPY data data
COPY web web
# The participation subgraph keeps its local signing key here (docker-compose mounts a volume, which takes this owner).
RUN mkdir -p .data/participation-keys && chown -R node:node .data
USER node
CMD ["node", "--max-old-space-size=1024", "dist/gateway/index.js"]
