/** Injection token of the NotificationConfig. */
export const NOTIFICATION_CONFIG = Symbol('NOTIFICATION_CONFIG');
