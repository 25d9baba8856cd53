import { plainToInstance, Type } from 'class-transformer';
import { IsNumber, IsOptional, ValidateBy, validateSync } from 'class-validator';

/** Medusa's numeric filter: `inventory_quantity=5` or `inventory_quantity[gt]=5`. */
export class NumericComparison {
  @IsOptional()
  @Type(() => Number)
  @IsNumber()
  lt?: number;

  @IsOptional()
  @Type(() => Number)
  @IsNumber()
  gt?: number;

  @IsOptional()
  @Type(() => Number)
  @IsNumber()
  lte?: number;

  @IsOptional()
  @Type(() => Number)
  @IsNumber()
  gte?: number;
}

/** Reads a number or a NumericComparison from a query string value. */
export function toNumberOrComparison({ value }: { value: unknown }): unknown {
  if (typeof value === 'string' && value.trim() !== '' && !Number.isNaN(Number(value))) return Number(value);
  if (value && typeof value === 'object' && !Array.isArray(value))
    return plainToInstance(NumericComparison, value);
  return value;
}

/** Validates a number, or a comparison with only lt / gt / lte / gte numbers. */
export function IsNumberOrComparison(): PropertyDecorator {
  return ValidateBy({
    name: 'isNumberOrComparison',
    validator: {
      validate: (value: unknown) => {
        if (typeof value === 'number') return Number.isFinite(value);
        if (!(value instanceof NumericComparison)) return false;
        const keys = Object.keys(value);
        return (
          keys.length > 0 &&
          keys.every((key) => ['lt', 'gt', 'lte', 'gte'].includes(key)) &&
          validateSync(value, { whitelist: true, forbidNonWhitelisted: true }).length === 0
        );
      },
      defaultMessage: (args) =>
        `${args?.property} must be a number or a comparison (lt, gt, lte, gte) of numbers`,
    },
  });
}
