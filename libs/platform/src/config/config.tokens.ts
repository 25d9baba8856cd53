/** Injection token of the app's validated PlatformConfig. */
export const PLATFORM_CONFIG = Symbol('PLATFORM_CONFIG');

/** Injection token of the app's pino logger. */
export const APP_LOGGER = Symbol('APP_LOGGER');
