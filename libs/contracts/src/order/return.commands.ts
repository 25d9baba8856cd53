import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsInt,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';

export class ReturnItemInput {
  @IsString() @MaxLength(100) item_id!: string;
  @Type(() => Number) @IsInt() @Min(1) @Max(10_000) quantity!: number;
  @IsOptional() @IsString() @MaxLength(100) reason_id?: string;
  @IsOptional() @IsString() @MaxLength(2000) note?: string;
}

export class ReturnShippingInput {
  @IsString() @MaxLength(100) option_id!: string;
}

/** `POST /store/returns`: Medusa's `StorePostReturnsReq`. */
export class CreateReturnRequest {
  @IsString() @MaxLength(100) order_id!: string;
  @ValidateNested({ each: true })
  @Type(() => ReturnItemInput)
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  items!: ReturnItemInput[];
  @IsOptional() @ValidateNested() @Type(() => ReturnShippingInput) return_shipping?: ReturnShippingInput;
}

export class ReceivedItemInput {
  @IsString() @MaxLength(100) item_id!: string;
  @Type(() => Number) @IsInt() @Min(1) @Max(10_000) quantity!: number;
}

/** `POST /admin/returns/{id}/receive`: Medusa's `AdminPostReturnsReturnReceiveReq`. */
export class ReceiveReturnRequest {
  @ValidateNested({ each: true })
  @Type(() => ReceivedItemInput)
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  items!: ReceivedItemInput[];
  /** The amount to refund, when not the items' worth less the return shipping. */
  @IsOptional() @Type(() => Number) @IsInt() @Min(0) @Max(2_147_483_647) refund?: number;
}

export class ReceiveReturnCommand extends ReceiveReturnRequest {
  @IsString() @MaxLength(100) return_id!: string;
}

/** Medusa's `Return`. */
export interface ReturnView extends Record<string, unknown> {
  id: string;
  order_id: string;
  status: 'requested' | 'received';
  refund_amount: number;
  items: Record<string, unknown>[];
}
