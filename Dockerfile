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

FROM node:22-bookworm-slim AS runtime
ARG APP
RUN test -n "$APP" || (echo "build with --build-arg APP=<gateway|catalog|cart|order|payment|notification|customer|psp-sandbox>" >&2 && exit 1)
ENV NODE_ENV=production
WORKDIR /app
COPY --from=production-deps --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /app/dist ./dist
COPY --chown=node:node package.json ./
RUN if [ -f "dist/apps/${APP}/src/main.js" ]; then ln -s "/app/dist/apps/${APP}/src/main.js" /app/main.js; \
    else ln -s "/app/dist/tools/${APP}/src/main.js" /app/main.js; fi && test -e /app/main.js
# The image's own user: never root.
USER node
# A 4 MB young generation keeps a busy app near its idle memory (see npm run bench).
CMD ["node", "--max-semi-space-size=4", "/app/main.js"]
