import { Injectable, RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, MetadataScanner } from '@nestjs/core';

/** A route the gateway serves: its method and its path in OpenAPI's form (`/store/carts/{id}`). */
export interface GatewayRoute {
  method: string;
  path: string;
}

const list = (value: unknown): string[] => (Array.isArray(value) ? value : [value ?? '']).map(String);

/** Joins Nest's controller and method paths, with `:id` written as OpenAPI's `{id}`. */
export function openApiPath(controllerPath: string, methodPath: string): string {
  const joined = `/${[controllerPath, methodPath]
    .map((part) => part.replace(/^\/+|\/+$/g, ''))
    .filter(Boolean)
    .join('/')}`;
  return joined.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
}

/** Every route of the gateway's controllers, read from Nest's own metadata, sorted by path and method. */
@Injectable()
export class RouteCatalog {
  private routes?: GatewayRoute[];

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
  ) {}

  all(): GatewayRoute[] {
    this.routes ??= this.discover();
    return this.routes;
  }

  private discover(): GatewayRoute[] {
    const found = new Map<string, GatewayRoute>();
    for (const wrapper of this.discovery.getControllers()) {
      const controller = wrapper.metatype as (new (...args: never[]) => unknown) | undefined;
      if (!controller) continue;
      const prototype = controller.prototype as Record<string, unknown>;
      for (const name of this.scanner.getAllMethodNames(prototype)) {
        const handler = prototype[name] as object;
        const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
        if (method === undefined) continue;
        for (const base of list(Reflect.getMetadata(PATH_METADATA, controller))) {
          for (const own of list(Reflect.getMetadata(PATH_METADATA, handler))) {
            const route = { method: RequestMethod[method], path: openApiPath(base, own) };
            found.set(`${route.method} ${route.path}`, route);
          }
        }
      }
    }
    return [...found.values()].sort(
      (a, b) => a.path.localeCompare(b.path) || a.method.localeCompare(b.method),
    );
  }
}
