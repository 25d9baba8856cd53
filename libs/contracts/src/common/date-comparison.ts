import { Type } from 'class-transformer';
import { IsDate, IsOptional } from 'class-validator';

/** Medusa's date range filter (`created_at[gt]=2024-01-01`). Strings become Dates when validated. */
export class DateComparison {
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  lt?: Date;

  @IsOptional()
  @Type(() => Date)
  @IsDate()
  gt?: Date;

  @IsOptional()
  @Type(() => Date)
  @IsDate()
  lte?: Date;

  @IsOptional()
  @Type(() => Date)
  @IsDate()
  gte?: Date;
}
