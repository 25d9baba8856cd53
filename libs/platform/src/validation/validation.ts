import { ValidationPipe } from '@nestjs/common';
import { ClassConstructor, plainToInstance } from 'class-transformer';
import { validateSync, ValidationError } from 'class-validator';
import { DomainError } from '../errors/domain-error';

/**
 * Joins class-validator's messages the way Medusa v1's `validator()` does: every constraint
 * message of a property, then its children's messages, comma separated.
 */
export function validationMessage(errors: ValidationError[]): string {
  const collect = (list: ValidationError[]): string[] =>
    list.reduce<string[]>((messages, error) => {
      messages.push(...Object.values(error.constraints ?? {}));
      if (error.children?.length) messages.push(collect(error.children).filter(Boolean).join(','));
      return messages;
    }, []);
  return collect(errors).filter(Boolean).join(',');
}

const OPTIONS = { whitelist: true, forbidNonWhitelisted: true } as const;

/**
 * The validation every HTTP body, query and command payload gets: unknown properties are refused
 * (no mass assignment), values are converted as the DTO's `@Type` says, and failures become one
 * `invalid_data` error with Medusa's message.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    ...OPTIONS,
    transform: true,
    exceptionFactory: (errors) => DomainError.invalidData(validationMessage(errors)),
  });
}

/** Validates a plain object against a DTO class outside Nest's pipes; throws `invalid_data`. */
export function validatePlain<T extends object>(type: ClassConstructor<T>, plain: unknown): T {
  const instance = plainToInstance(type, plain ?? {});
  const errors = validateSync(instance, OPTIONS);
  if (errors.length) throw DomainError.invalidData(validationMessage(errors));
  return instance;
}
