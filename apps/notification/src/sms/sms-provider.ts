/** One text message to send: the rendered text, and the template parameters a provider's template takes. */
export interface OutgoingSms {
  id: string;
  phone: string;
  text: string;
  template_params: Record<string, string>;
}

/** A way text messages leave: answers the provider's id of the message, or throws when it was not accepted. */
export interface SmsProvider {
  send(message: OutgoingSms): Promise<string>;
}

export const SMS_PROVIDER = Symbol('SMS_PROVIDER');
