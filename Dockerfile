# One image per app: docker build --build-arg APP=catalog -t checkout/catalog .
# APP is one of gateway, catalog, cart, order, payment, notification, customer, or psp-sandbox (development only).
# Node 22, a supported LTS, named in every stage (a base image scanner reads it literally).

FROM node:22-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json nest-cli.json ./
COPY libs ./libs
COPY apps ./apps
COPY tools ./tools
COPY scripts/copy-assets.mjs ./scripts/
RUN npm run build

FROM node:22-bookworm-slim AS production-deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

# Only the chosen app's compiled code and the shared libraries go into its image (apps never import
# each other), not every app's.
FROM node:22-bookworm-slim AS app-dist
ARG APP
RUN test -n "$APP" || (echo "build with --build-arg APP=<gateway|catalog|cart|order|payment|notification|customer|psp-sandbox>" >&2 && exit 1)
COPY --from=build /app/dist /built
RUN mkdir -p /app/dist && cp -r /built/libs /app/dist/libs && \
    if [ -d "/built/apps/${APP}" ]; then mkdir -p /app/dist/apps && cp -r "/built/apps/${APP}" /app/dist/apps/; \
    else mkdir -p /app/dist/tools && cp -r "/built/tools/${APP}" /app/dist/tools/; fi

FROM node:22-bookworm-slim AS runtime
ARG APP
ENV NODE_ENV=production
WORKDIR /app
COPY --from=production-deps --chown=node:node /app/node_modules ./node_modules
COPY --from=app-dist --chown=node:node /app/dist ./dist
COPY --chown=node:node package.json ./
RUN if [ -f "dist/apps/${APP}/src/main.js" ]; then ln -s "/app/dist/apps/${APP}/src/main.js" /app/main.js; \
    else ln -s "/app/dist/tools/${APP}/src/main.js" /app/main.js; fi && test -e /app/main.js
# The image's own user: never root.
USER node
# A 4 MB young generation keeps a busy app near its idle memory (see npm run bench).
CMD ["node", "--max-semi-space-size=4", "/app/main.js"]
