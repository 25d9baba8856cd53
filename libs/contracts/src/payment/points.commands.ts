import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  MinLength,
  NotEquals,
} from 'class-validator';
import { PagedFindQuery } from '../common/query-params';

/** What moved a customer's points: earned, held for a payment, spent, released, refunded, adjusted. */
export const POINTS_ENTRY_TYPES = ['earn', 'hold', 'spend', 'release', 'refund', 'adjust'] as const;
export type PointsEntryType = (typeof POINTS_ENTRY_TYPES)[number];

/** One entry of a customer's points ledger; `points` is signed (a hold or spend is negative). */
export interface PointsEntry {
  id: string;
  type: PointsEntryType;
  points: number;
  order_id: string | null;
  reason: string | null;
  created_at: string;
}

/** `GET /store/customers/me/points`. */
export interface PointsReply {
  balance: number;
  entries: PointsEntry[];
  count: number;
  offset: number;
  limit: number;
}

export class PointsQuery extends PagedFindQuery {
  @IsString() @MaxLength(100) customer_id!: string;
}

/** `POST /admin/customers/{id}/points`. */
export class PointsAdjustmentRequest {
  @Type(() => Number) @IsInt() @NotEquals(0) @Min(-100_000_000) @Max(100_000_000) delta!: number;
  @IsString() @MinLength(1) @MaxLength(500) reason!: string;
}

/**
 * One movement of a customer's points, applied once per `key` (a repeat answers the balance as it is),
 * and refused when it would take the balance below zero.
 */
export class PointsMovement {
  @IsString() @MaxLength(100) customer_id!: string;
  @IsString() @MinLength(1) @MaxLength(300) key!: string;
  @IsIn(POINTS_ENTRY_TYPES) type!: PointsEntryType;
  @Type(() => Number) @IsInt() @Min(-100_000_000) @Max(100_000_000) points!: number;
  @IsOptional() @IsString() @MaxLength(100) order_id?: string;
  @IsOptional() @IsString() @MaxLength(500) reason?: string;
}

export interface PointsMovementReply {
  balance: number;
  /** False when the key had moved the points before (nothing moved now). */
  applied: boolean;
}
