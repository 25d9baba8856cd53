import {
  APP_NAMES,
  AppName,
  DEFAULT_HTTP_PORTS,
  loadPlatformConfig,
  natsPasswordVariable,
  natsPermissions,
  natsServerAuthorization,
  portVariable,
} from '@app/platform';
import { loadPaymentConfig } from '../../apps/payment/src/config/payment-config';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, parseAllDocuments } from 'yaml';
import { Cluster } from '@kubernetes-models/cloudnative-pg/postgresql.cnpg.io/v1';
import { ScaledObject } from '@kubernetes-models/keda/keda.sh/v1alpha1';
import { Deployment, StatefulSet } from 'kubernetes-models/apps/v1';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2';
import { Job } from 'kubernetes-models/batch/v1';
import { Ingress, NetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1';
import { ConfigMap, Namespace, Secret, Service } from 'kubernetes-models/v1';

/** docker-compose.yml and k8s/ cannot run here (no Docker engine): they are checked by reading them. */
const ROOT = join(__dirname, '..', '..');
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');

type Json = Record<string, unknown>;
interface Container {
  command: string[];
  env?: { name: string; value?: string; valueFrom?: { secretKeyRef?: { name: string; key: string } } }[];
  envFrom?: { configMapRef?: { name: string }; secretRef?: { name: string } }[];
  ports: { name: string; containerPort: number }[];
  readinessProbe?: { httpGet: { path: string; port: string | number } };
  livenessProbe?: { httpGet: { path: string; port: string | number } };
  resources?: { requests?: Json; limits?: Json };
}
interface Manifest {
  kind: string;
  metadata: { name: string };
  spec: Json & {
    template?: {
      spec: { containers: Container[]; terminationGracePeriodSeconds?: number; securityContext?: Json };
    };
  };
  data?: Record<string, string>;
  stringData?: Record<string, string>;
}

const nestCli = JSON.parse(read('nest-cli.json')) as { projects: Record<string, { type: string }> };
const APPS = Object.entries(nestCli.projects)
  .filter(([, project]) => project.type === 'application')
  .map(([name]) => name);
const entry = (app: string) => `dist/apps/${app}/src/main.js`;

describe('the apps of nest-cli.json', () => {
  it('are the seven of DESIGN, each with the port DESIGN gives it', () => {
    expect(APPS.sort()).toEqual([
      'cart',
      'catalog',
      'customer',
      'gateway',
      'notification',
      'order',
      'payment',
    ]);
    expect(DEFAULT_HTTP_PORTS).toEqual({
      gateway: 9000,
      catalog: 9101,
      cart: 9102,
      order: 9103,
      payment: 9104,
      notification: 9105,
      customer: 9106,
    });
  });
});

describe('Dockerfile', () => {
  const dockerfile = read('Dockerfile');

  it('builds every stage on a supported Node LTS, named literally', () => {
    const bases = dockerfile.match(/^FROM \S+/gm) ?? [];
    expect(bases.length).toBeGreaterThanOrEqual(3);
    for (const base of bases) expect(base).toMatch(/^FROM node:(22|24)-/);
  });

  it('is one multi-stage build with the app chosen by a build argument', () => {
    expect(dockerfile.match(/^FROM /gm)?.length).toBeGreaterThanOrEqual(3);
    expect(dockerfile).toMatch(/^ARG APP$/m);
    expect(dockerfile).toMatch(/dist\/apps\/\$\{APP\}/);
  });

  it('runs as a non-root user with production dependencies only', () => {
    const runtime = dockerfile.slice(dockerfile.lastIndexOf('FROM '));
    expect(runtime).toMatch(/^USER node$/m);
    expect(dockerfile).toMatch(/npm ci --omit=dev/);
    expect(runtime).toMatch(/COPY --from=production-deps .*node_modules/);
    expect(runtime).not.toMatch(/COPY --from=build .*node_modules/);
    expect(runtime).toMatch(/^CMD \["node", /m);
  });

  it('puts only the chosen app and the shared libraries in its image', () => {
    const runtime = dockerfile.slice(dockerfile.lastIndexOf('FROM '));
    expect(runtime).toMatch(/^COPY --from=app-dist .*\/app\/dist \.\/dist$/m);
    expect(runtime).not.toMatch(/COPY --from=build/);
    const stage = dockerfile.slice(dockerfile.indexOf('AS app-dist'), dockerfile.lastIndexOf('FROM '));
    expect(stage).toContain('cp -r /built/libs /app/dist/libs');
    expect(stage).toContain('"/built/apps/${APP}" /app/dist/apps/');
    expect(stage).toContain('"/built/tools/${APP}" /app/dist/tools/');
  });
});

describe('docker-compose.yml', () => {
  const compose = parse(read('docker-compose.yml'), { merge: true }) as {
    services: Record<
      string,
      Json & {
        environment: Record<string, string>;
        depends_on: Record<string, { condition: string }>;
        healthcheck: { test: string[] };
        command: string[];
        build?: { args: Json };
        profiles?: string[];
      }
    >;
    volumes: Json;
  };

  it('runs Postgres and NATS with JetStream on a volume, each with a health check', () => {
    const { postgres, nats } = compose.services;
    expect(postgres.healthcheck.test.join(' ')).toContain('pg_isready');
    expect(nats.command).toEqual(expect.arrayContaining(['-js', '-sd']));
    expect(nats.volumes).toEqual([
      expect.stringMatching(/^nats-data:/),
      './deploy/nats-authorization.conf:/etc/nats/authorization.conf:ro',
    ]);
    expect(Object.keys(compose.volumes)).toEqual(expect.arrayContaining(['postgres-data', 'nats-data']));
  });

  it.each(APPS)('has a service for %s with its command, env, health check and dependencies', (app) => {
    const service = compose.services[app];
    expect(service).toBeDefined();
    expect(service.build?.args).toEqual({ APP: app });
    expect(service.command.join(' ')).toContain(entry(app));
    expect(service.environment.NATS_URL).toBe('nats://nats:4222');
    const port = DEFAULT_HTTP_PORTS[app as keyof typeof DEFAULT_HTTP_PORTS];
    expect(service.environment[portVariable(app as never)]).toBe(String(port));
    expect(service.healthcheck.test.join(' ')).toContain(`http://127.0.0.1:${port}/health/ready`);
    expect(service.depends_on.nats).toEqual({ condition: 'service_healthy' });
    expect(service.profiles).toBeUndefined();
    if (app === 'gateway') {
      expect(service.environment.DATABASE_URL).toBeUndefined();
      expect(service.ports).toEqual(['9000:9000']);
    } else {
      expect(service.environment.DATABASE_URL).toMatch(/^postgres:\/\/.*@postgres:5432\/commerce$/);
      expect(service.depends_on.postgres).toEqual({ condition: 'service_healthy' });
    }
  });

  /** A service's environment as compose gives it when no variable is set: `${X:-default}` → default. */
  const environment = (service: string) =>
    Object.fromEntries(
      Object.entries(compose.services[service].environment).map(([name, value]) => [
        name,
        String(value).replace(/\$\{\w+:-([^}]*)\}/g, '$1'),
      ]),
    );

  it('gives every service an environment the apps accept', () => {
    for (const app of APPS) expect(() => loadPlatformConfig(app as never, environment(app))).not.toThrow();
  });

  it("runs NATS with one user per app, each app connecting with its user's password", () => {
    expect(read('deploy/nats-authorization.conf')).toBe(natsServerAuthorization());
    const nats = environment('nats');
    for (const app of APPS) {
      const variable = natsPasswordVariable(app as AppName);
      expect(environment(app).NATS_PASSWORD).toBe(nats[variable]);
      expect(compose.services[app].environment.NATS_PASSWORD).toBe(`\${${variable}:-${nats[variable]}}`);
    }
  });

  it('points the payment app at the sandbox, which runs only in the dev profile', () => {
    expect(() => loadPaymentConfig(compose.services.payment.environment)).not.toThrow();
    expect(compose.services.payment.environment.PSP_BASE_URL).toBe('http://psp-sandbox:9400');
    const sandbox = compose.services['psp-sandbox'];
    expect(sandbox.profiles).toEqual(['dev']);
    expect(sandbox.build?.args).toEqual({ APP: 'psp-sandbox' });
    expect(sandbox.command.join(' ')).toContain('dist/tools/psp-sandbox/src/main.js');
    expect(sandbox.healthcheck.test.join(' ')).toContain('http://127.0.0.1:9400/health/ready');
  });
});

/** A kustomization as `kubectl kustomize` renders it. */
function renderKustomization(path: string): Record<string, unknown>[] {
  const result = spawnSync('kubectl', ['kustomize', join(ROOT, path)], { encoding: 'utf8' });
  if (result.status !== 0)
    throw new Error(`kubectl kustomize ${path} failed: ${result.stderr || result.error}`);
  return parseAllDocuments(result.stdout).map((document) => document.toJSON() as Record<string, unknown>);
}

describe('k8s/', () => {
  const documents = (path: string): Manifest[] =>
    parseAllDocuments(read(path)).map((document) => document.toJSON() as Manifest);
  const kustomization = parse(read('k8s/base/kustomization.yaml')) as {
    resources: string[];
    configMapGenerator: { name: string; envs: string[] }[];
  };
  const base = renderKustomization('k8s/base') as unknown as Manifest[];
  /** The generated ConfigMap: its name carries a hash of its values, so a change rolls the apps. */
  const configMap = base.find(
    (manifest) => manifest.kind === 'ConfigMap' && manifest.metadata.name.startsWith('checkout-config-'),
  );
  const secret = base.find(
    (manifest) => manifest.kind === 'Secret' && manifest.metadata.name === 'checkout-secrets',
  );

  it('is a kustomize base whose resources all exist, with a generated ConfigMap and a Secret', () => {
    for (const resource of kustomization.resources)
      expect(existsSync(join(ROOT, 'k8s/base', resource))).toBe(true);
    expect(kustomization.configMapGenerator).toEqual([{ name: 'checkout-config', envs: ['config.env'] }]);
    expect(configMap?.data?.NATS_URL).toBe('nats://nats:4222');
    expect(secret?.stringData?.DATABASE_URL).toMatch(/^postgres:\/\//);
  });

  it.each(APPS)(
    'deploys %s with its command, config, probes, resources and a long enough grace period',
    (app) => {
      const deployment = base.find(
        (manifest) => manifest.kind === 'Deployment' && manifest.metadata.name === app,
      );
      expect(deployment).toBeDefined();
      const pod = deployment!.spec.template!.spec;
      const [container] = pod.containers;
      expect(container.command.join(' ')).toContain(entry(app));

      const fromConfig = (container.envFrom ?? []).some(
        (source) => source.configMapRef?.name === configMap?.metadata.name,
      );
      expect(fromConfig && configMap?.data?.NATS_URL).toBeTruthy();
      const databaseUrl = container.env?.find((variable) => variable.name === 'DATABASE_URL');
      const secretWide = (container.envFrom ?? []).some((source) => source.secretRef);
      expect(secretWide).toBe(false);
      if (app === 'gateway') expect(databaseUrl).toBeUndefined();
      else
        expect(databaseUrl?.valueFrom?.secretKeyRef).toEqual({
          name: 'checkout-secrets',
          key: 'DATABASE_URL',
        });

      const port = DEFAULT_HTTP_PORTS[app as keyof typeof DEFAULT_HTTP_PORTS];
      expect(container.ports).toEqual([{ name: 'http', containerPort: port }]);
      expect(container.env?.find((variable) => variable.name === portVariable(app as never))?.value).toBe(
        String(port),
      );
      expect(container.readinessProbe?.httpGet).toEqual({ path: '/health/ready', port: 'http' });
      expect(container.livenessProbe?.httpGet).toEqual({ path: '/health/live', port: 'http' });
      expect(container.resources?.requests).toEqual({ cpu: expect.any(String), memory: expect.any(String) });
      expect(container.resources?.limits).toEqual(expect.objectContaining({ memory: expect.any(String) }));

      const graceMs = Number(configMap?.data?.NATS_GRACE_PERIOD_MS);
      expect((pod.terminationGracePeriodSeconds ?? 30) * 1000).toBeGreaterThan(graceMs);
      expect(pod.securityContext).toMatchObject({ runAsNonRoot: true });
    },
  );

  it('gives the payment app its provider credentials, and only the payment app', () => {
    const env = (app: string) =>
      base
        .find((manifest) => manifest.kind === 'Deployment' && manifest.metadata.name === app)!
        .spec.template!.spec.containers[0].env!.map((variable) => variable.name);
    expect(env('payment')).toEqual(expect.arrayContaining(['CASHIER_NOTIFY_SECRET', 'WECHAT_API_V3_KEY']));
    for (const app of APPS.filter((name) => name !== 'payment'))
      expect(env(app)).not.toContain('CASHIER_API_SECRET');
    const fromSecret = Object.fromEntries(
      env('payment').map((name) => [name, secret?.stringData?.[name]]),
    ) as Record<string, string>;
    // The base Secret holds placeholders: production refuses to start, naming each one.
    const placeholders = Object.keys(fromSecret).filter((name) => fromSecret[name]?.startsWith('change-me'));
    expect(placeholders.length).toBeGreaterThan(0);
    const refusal = (() => {
      try {
        loadPaymentConfig({ ...configMap?.data, ...fromSecret });
      } catch (error) {
        return (error as Error).message;
      }
      return 'started';
    })();
    for (const name of placeholders) expect(refusal).toContain(`${name} is a placeholder`);
    // Given real values for them, the payment app has every setting it needs.
    const real = Object.fromEntries(
      placeholders.map((name) => [
        name,
        name === 'WECHAT_API_V3_KEY' ? 'k'.repeat(32) : `live-${name.toLowerCase()}`,
      ]),
    );
    expect(() => loadPaymentConfig({ ...configMap?.data, ...fromSecret, ...real })).not.toThrow();
  });

  it('exposes the gateway through a Service on its http port', () => {
    const service = base.find(
      (manifest) => manifest.kind === 'Service' && manifest.metadata.name === 'gateway',
    );
    expect(service?.spec).toMatchObject({
      selector: { 'app.kubernetes.io/name': 'gateway' },
      ports: [{ targetPort: 'http' }],
    });
  });

  it('has a local overlay on the base that adds Postgres and NATS with JetStream', () => {
    const overlay = parse(read('k8s/overlays/local/kustomization.yaml')) as { resources: string[] };
    expect(overlay.resources).toContain('../../base');
    for (const resource of overlay.resources.filter((item) => !item.startsWith('..'))) {
      expect(existsSync(join(ROOT, 'k8s/overlays/local', resource))).toBe(true);
    }
    expect(overlay.resources).toContain('psp-sandbox.yaml');
    const sandbox = documents('k8s/overlays/local/psp-sandbox.yaml').find(
      (manifest) => manifest.kind === 'Deployment',
    );
    expect(sandbox?.spec.template?.spec.containers[0].command.join(' ')).toContain(
      'dist/tools/psp-sandbox/src/main.js',
    );
    expect(base.some((manifest) => manifest.metadata.name === 'psp-sandbox')).toBe(false);
    const nats = documents('k8s/overlays/local/nats.yaml').find(
      (manifest) => manifest.kind === 'StatefulSet',
    );
    expect(nats?.spec.template?.spec.containers[0]).toMatchObject({ args: expect.arrayContaining(['-js']) });
  });
});

describe('k8s/overlays/production (rendered with kubectl kustomize)', () => {
  interface Rendered {
    kind: string;
    metadata: { name: string };
    spec?: Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  }
  const render = (overlay: string) => renderKustomization(`k8s/overlays/${overlay}`) as unknown as Rendered[];
  const production = render('production');
  /** Whether an app's source mentions `text` (a consumer's name). */
  const sourceMentions = (app: string, text: string): boolean => {
    const files = spawnSync('grep', ['-rl', '--include=*.ts', text, join(ROOT, 'apps', app, 'src')], {
      encoding: 'utf8',
    });
    return files.stdout.trim().length > 0;
  };
  const of = (kind: string) => production.filter((manifest) => manifest.kind === kind);

  it('scales every app on CPU (event consumers also on their JetStream lag, with KEDA), two replicas at least, and never drains its last one', () => {
    for (const app of APPS) {
      const hpa = of('HorizontalPodAutoscaler').find((manifest) => manifest.metadata.name === app);
      const scaled = of('ScaledObject').find((manifest) => manifest.metadata.name === app);
      expect([hpa, scaled].filter(Boolean)).toHaveLength(1);
      if (hpa) {
        expect(hpa.spec).toMatchObject({ scaleTargetRef: { kind: 'Deployment', name: app }, minReplicas: 2 });
        expect(hpa.spec?.metrics[0].resource.name).toBe('cpu');
      } else {
        expect(scaled?.spec).toMatchObject({ scaleTargetRef: { name: app }, minReplicaCount: 2 });
        const triggers = scaled?.spec?.triggers as { type: string; metadata: Record<string, string> }[];
        expect(triggers.map((trigger) => trigger.type).sort()).toEqual(['cpu', 'nats-jetstream']);
        const lag = triggers.find((trigger) => trigger.type === 'nats-jetstream')!.metadata;
        expect(lag).toMatchObject({ stream: 'COMMERCE', lagThreshold: expect.any(String) });
        // The consumer is one of the app's own durable consumers.
        expect(lag.consumer.startsWith(`${app}-`)).toBe(true);
        expect(sourceMentions(app, `'${lag.consumer}'`)).toBe(true);
      }
      const pdb = of('PodDisruptionBudget').find((manifest) => manifest.metadata.name === app);
      expect(pdb?.spec).toMatchObject({
        minAvailable: 1,
        selector: { matchLabels: { 'app.kubernetes.io/name': app } },
      });
    }
  });

  it('lets only the gateway take traffic, through an Ingress with TLS, and apps reach NATS and Postgres', () => {
    const policies = of('NetworkPolicy');
    expect(policies.find((policy) => policy.metadata.name === 'default-deny')?.spec?.policyTypes).toEqual([
      'Ingress',
      'Egress',
    ]);
    const ingress = policies.filter((policy) => policy.spec?.ingress && !policy.spec.ingress[0].from);
    expect(ingress.map((policy) => policy.spec?.podSelector.matchLabels)).toEqual([
      { 'app.kubernetes.io/name': 'gateway' },
    ]);
    const egressPorts = policies
      .find((policy) => policy.metadata.name === 'apps-egress')
      ?.spec?.egress.flatMap((rule: { ports: { port: number }[] }) => rule.ports.map((port) => port.port));
    expect(egressPorts).toEqual(expect.arrayContaining([4222, 5432, 53]));
    const [gateway] = of('Ingress');
    expect(gateway.spec?.tls).toHaveLength(1);
    const paths = gateway.spec?.rules[0].http.paths.map((path: { path: string }) => path.path);
    expect(paths).toEqual(expect.arrayContaining(['/store', '/hooks', '/admin']));
  });

  it('runs every pod under the restricted Pod Security Standard, by image version, with a startup probe', () => {
    const deployments = of('Deployment');
    expect(deployments.map((deployment) => deployment.metadata.name).sort()).toEqual([...APPS].sort());
    for (const deployment of deployments) {
      const pod = deployment.spec?.template.spec;
      expect(pod.securityContext).toMatchObject({
        runAsNonRoot: true,
        seccompProfile: { type: 'RuntimeDefault' },
      });
      for (const container of pod.containers) {
        expect(container.securityContext).toEqual({
          allowPrivilegeEscalation: false,
          capabilities: { drop: ['ALL'] },
        });
        expect(container.image).toMatch(/^checkout\/[a-z]+:\d+\.\d+\.\d+$/);
        expect(container.startupProbe?.httpGet?.path).toBe('/health/live');
        expect(container.resources.limits.memory).toBe('384Mi');
      }
    }
  });

  it('migrates every schema in a Job before the apps serve, by the release’s images', () => {
    const [job] = of('Job');
    const pod = job.spec?.template.spec;
    const migrated = pod.initContainers.map(
      (container: { name: string; command: string[]; image: string }) => {
        expect(container.command).toEqual(['node', `dist/apps/${container.name}/src/main.js`, '--migrate']);
        expect(container.image).toBe(`checkout/${container.name}:0.1.0`);
        return container.name;
      },
    );
    expect(migrated.sort()).toEqual(APPS.filter((app) => app !== 'gateway').sort());
    expect(pod.securityContext).toMatchObject({
      runAsNonRoot: true,
      seccompProfile: { type: 'RuntimeDefault' },
    });
    const [config] = of('ConfigMap') as unknown as { data: Record<string, string> }[];
    expect(config.data.MIGRATE_ON_START).toBeUndefined();
  });

  it('runs Postgres as a three-instance CloudNativePG cluster, and NATS from the official chart’s values', () => {
    const [cluster] = of('Cluster');
    expect(cluster.spec).toMatchObject({ instances: 3, bootstrap: { initdb: { database: 'commerce' } } });
    const values = parse(read('k8s/overlays/production/nats-values.yaml')) as {
      config: { cluster: { enabled: boolean; replicas: number }; jetstream: { enabled: boolean } };
    };
    expect(values.config).toMatchObject({
      cluster: { enabled: true, replicas: 3 },
      jetstream: { enabled: true },
    });
    const [config] = of('ConfigMap') as unknown as { data: Record<string, string> }[];
    expect(config.data.NATS_URL).toBe('nats://nats.nats.svc.cluster.local:4222');
  });

  it("connects every app to NATS over TLS as its own user, the users the chart's values give the server", () => {
    const [config] = of('ConfigMap') as unknown as { data: Record<string, string> }[];
    expect(config.data.NATS_TLS_CA).toBe('/etc/nats-ca/ca.crt');
    const job = of('Job')[0].spec!.template.spec;
    const pods = [...of('Deployment').map((deployment) => deployment.spec!.template.spec), job];
    for (const pod of pods) {
      expect(pod.volumes).toContainEqual({ name: 'nats-ca', secret: { secretName: 'nats-ca' } });
      for (const container of pod.initContainers ?? pod.containers) {
        if (container.name === 'done') continue;
        expect(container.volumeMounts).toContainEqual({
          name: 'nats-ca',
          mountPath: '/etc/nats-ca',
          readOnly: true,
        });
        const password = (container.env as Container['env'])!.find(
          (variable) => variable.name === 'NATS_PASSWORD',
        );
        const app = (container.command as string[]).join(' ').match(/dist\/apps\/(\w+)\//)![1];
        expect(password?.valueFrom?.secretKeyRef).toEqual({
          name: 'checkout-secrets',
          key: natsPasswordVariable(app as AppName),
        });
      }
    }
    const values = parse(read('k8s/overlays/production/nats-values.yaml')) as {
      config: { nats: { tls: Json }; merge: { authorization: { users: Json[] } } };
      container: { env: Record<string, { valueFrom: { secretKeyRef: Json } }> };
    };
    expect(values.config.nats.tls).toMatchObject({ enabled: true, secretName: 'nats-tls' });
    expect(values.config.merge.authorization.users).toEqual(
      APP_NAMES.map((app) => ({
        user: app,
        password: `<< $${natsPasswordVariable(app)} >>`,
        permissions: natsPermissions(app),
      })),
    );
    for (const app of APP_NAMES)
      expect(values.container.env[natsPasswordVariable(app)].valueFrom.secretKeyRef).toEqual({
        name: 'nats-users',
        key: natsPasswordVariable(app),
      });
  });

  it('renders no Secret (it is created per environment) and runs a three-copy event stream', () => {
    expect(of('Secret')).toEqual([]);
    const [config] = of('ConfigMap') as unknown as { data: Record<string, string> }[];
    expect(config.data).toMatchObject({ NODE_ENV: 'production', STREAM_REPLICAS: '3' });
    expect(config.data.DEMO_DATA).toBeUndefined();
  });

  /**
   * The schema of each kind, from maintained model packages: Kubernetes' own OpenAPI for built-in
   * kinds (kubernetes-models), the operators' CRDs for KEDA's and CloudNativePG's.
   */
  const MODELS: Record<string, new (data: never) => { validate(): void }> = {
    'apps/v1/Deployment': Deployment,
    'apps/v1/StatefulSet': StatefulSet,
    'autoscaling/v2/HorizontalPodAutoscaler': HorizontalPodAutoscaler,
    'batch/v1/Job': Job,
    'networking.k8s.io/v1/Ingress': Ingress,
    'networking.k8s.io/v1/NetworkPolicy': NetworkPolicy,
    'policy/v1/PodDisruptionBudget': PodDisruptionBudget,
    'v1/ConfigMap': ConfigMap,
    'v1/Namespace': Namespace,
    'v1/Secret': Secret,
    'v1/Service': Service,
    'keda.sh/v1alpha1/ScaledObject': ScaledObject,
    'postgresql.cnpg.io/v1/Cluster': Cluster,
  };

  it.each(['production', 'local'])('renders %s manifests that pass their kinds’ schemas', (overlay) => {
    const problems: string[] = [];
    for (const manifest of render(overlay) as (Rendered & { apiVersion: string })[]) {
      const Model = MODELS[`${manifest.apiVersion}/${manifest.kind}`];
      const name = `${manifest.apiVersion} ${manifest.kind} ${manifest.metadata.name}`;
      if (!Model) problems.push(`${name}: no schema for this kind`);
      else {
        try {
          new Model(manifest as never).validate();
        } catch (error) {
          problems.push(`${name}: ${(error as Error).message}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('the schemas refuse a broken manifest (a port by name where a number is required)', () => {
    const [deployment] = of('Deployment') as unknown as Record<string, any>[]; // eslint-disable-line @typescript-eslint/no-explicit-any
    const broken = structuredClone(deployment);
    broken.spec.template.spec.containers[0].ports[0].containerPort = 'http';
    expect(() => new Deployment(broken).validate()).toThrow(/containerPort must be integer/);
    const [scaled] = of('ScaledObject') as unknown as Record<string, any>[]; // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(() =>
      new ScaledObject({ ...scaled, spec: { ...scaled.spec, scaleTargetRef: undefined } }).validate(),
    ).toThrow(/scaleTargetRef/);
  });

  it('the local overlay still renders, with demo data and one copy of the stream', () => {
    const local = render('local');
    const config = local.find((manifest) => manifest.kind === 'ConfigMap') as unknown as {
      data: Record<string, string>;
    };
    expect(config.data).toMatchObject({
      DEMO_DATA: 'true',
      STREAM_REPLICAS: '1',
      PAYMENT_SANDBOX: 'true',
      MIGRATE_ON_START: 'true',
    });
  });
});
