import { Injectable } from '@nestjs/common';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GatewayRoute, RouteCatalog } from './route-catalog';

type Operation = Record<string, unknown>;

interface MedusaSpec {
  paths: Record<string, Record<string, Operation>>;
  components: Record<string, unknown>;
}

/** An OpenAPI 3.0 document of every route the gateway serves. */
export interface ApiDocument {
  openapi: string;
  info: { title: string; version: string; description: string };
  tags: { name: string; description: string }[];
  paths: Record<string, Record<string, Operation>>;
  components: Record<string, unknown>;
}

const TAGS = [
  {
    name: 'store',
    description: "Medusa v1's store API: the operations of Medusa's own spec that we implement.",
  },
  {
    name: 'seeds',
    description:
      "The storefront's own routes (seeds 001–004): pay-now, points, presale, an order's payments.",
  },
  { name: 'admin', description: "The merchant's routes, in Medusa v1's admin paths and shapes." },
  { name: 'hooks', description: "Payment providers' signed notifications." },
  { name: 'operations', description: 'Health, metrics and these docs.' },
];

const DESCRIPTION = [
  "Medusa v1's store API, as Medusa 1.20's own spec documents it (its operations and schemas are",
  "included as they are), plus the routes of the seeds, the admin routes and the providers' hooks.",
  'Where we differ from Medusa on purpose is listed in the README ("Where we differ from Medusa v1,',
  'on purpose").',
].join(' ');

/** Which part of the API a path belongs to. */
function tagOf(route: GatewayRoute, medusa: boolean): string {
  if (route.path.startsWith('/admin')) return 'admin';
  if (route.path.startsWith('/hooks')) return 'hooks';
  if (
    route.path.startsWith('/health') ||
    route.path === '/metrics' ||
    ['/openapi.json', '/docs'].includes(route.path)
  ) {
    return 'operations';
  }
  return medusa ? 'store' : 'seeds';
}

/** Our own operation for a route Medusa's spec does not have: its tag and path parameters. */
function ownOperation(route: GatewayRoute): Operation {
  const parameters = [...route.path.matchAll(/\{([^}]+)\}/g)].map(([, name]) => ({
    name,
    in: 'path',
    required: true,
    schema: { type: 'string' },
  }));
  return {
    operationId: `${route.method.toLowerCase()}${route.path.replace(/[^A-Za-z0-9]+(.)?/g, (_, next: string | undefined) => (next ?? '').toUpperCase())}`,
    summary: `${route.method} ${route.path}`,
    tags: [tagOf(route, false)],
    ...(parameters.length && { parameters }),
    responses: { default: { description: 'See the README for this route.' } },
  };
}

/**
 * The gateway's API document (`GET /openapi.json`): every route it serves, each store operation as
 * Medusa's spec has it, the others as ours, built once from the routes Nest registered.
 */
@Injectable()
export class ApiDocuments {
  private document?: ApiDocument;

  constructor(private readonly routes: RouteCatalog) {}

  get(): ApiDocument {
    this.document ??= this.build();
    return this.document;
  }

  private build(): ApiDocument {
    const medusa = JSON.parse(
      readFileSync(join(__dirname, 'medusa-store-v1.openapi.json'), 'utf8'),
    ) as MedusaSpec;
    const paths: ApiDocument['paths'] = {};
    for (const route of this.routes.all()) {
      const method = route.method.toLowerCase();
      const theirs = medusa.paths[route.path]?.[method];
      paths[route.path] ??= {};
      paths[route.path][method] = theirs ? { ...theirs, tags: [tagOf(route, true)] } : ownOperation(route);
    }
    return {
      openapi: '3.0.3',
      info: { title: 'Checkout backend', version: '1', description: DESCRIPTION },
      tags: TAGS,
      paths,
      components: medusa.components,
    };
  }
}
