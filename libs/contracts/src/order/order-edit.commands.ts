import { Type } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

/** `POST /admin/order-edits`: Medusa's `AdminPostOrderEditsReq`. */
export class CreateOrderEditRequest {
  @IsString() @MaxLength(100) order_id!: string;
  @IsOptional() @IsString() @MaxLength(2000) internal_note?: string;
}

export class CreateOrderEditCommand extends CreateOrderEditRequest {
  @IsOptional() @IsString() @MaxLength(100) created_by?: string;
}

export class OrderEditRef {
  @IsString() @MaxLength(100) order_edit_id!: string;
  /** The store's view: without the merchant's notes and who did what. */
  @IsOptional() @IsBoolean() store?: boolean;
}

/** `POST /admin/order-edits/{id}/items`: Medusa's `AdminPostOrderEditsEditLineItemsReq`. */
export class AddOrderEditItemRequest {
  @IsString() @MaxLength(100) variant_id!: string;
  @Type(() => Number) @IsInt() @Min(1) @Max(10_000) quantity!: number;
}

export class AddOrderEditItemCommand extends AddOrderEditItemRequest {
  @IsString() @MaxLength(100) order_edit_id!: string;
}

/** `POST /admin/order-edits/{id}/items/{item_id}`: Medusa's `AdminPostOrderEditsEditLineItemsLineItemReq`. */
export class UpdateOrderEditItemRequest {
  @Type(() => Number) @IsInt() @Min(0) @Max(10_000) quantity!: number;
}

export class OrderEditItemRef {
  @IsString() @MaxLength(100) order_edit_id!: string;
  @IsString() @MaxLength(100) item_id!: string;
}

export class UpdateOrderEditItemCommand extends UpdateOrderEditItemRequest {
  @IsString() @MaxLength(100) order_edit_id!: string;
  @IsString() @MaxLength(100) item_id!: string;
}

export class RequestOrderEditCommand {
  @IsString() @MaxLength(100) order_edit_id!: string;
  @IsOptional() @IsString() @MaxLength(100) requested_by?: string;
}

/** `POST /store/order-edits/{id}/decline`: Medusa's `StorePostOrderEditsOrderEditDecline`. */
export class DeclineOrderEditRequest {
  @IsOptional() @IsString() @MaxLength(2000) declined_reason?: string;
}

export class DeclineOrderEditCommand extends DeclineOrderEditRequest {
  @IsString() @MaxLength(100) order_edit_id!: string;
}

/** Medusa's `OrderEdit`. */
export interface OrderEditView extends Record<string, unknown> {
  id: string;
  order_id: string;
  status: 'created' | 'requested' | 'confirmed' | 'declined' | 'canceled';
  difference_due: number;
  payment_collection_id: string | null;
  items: Record<string, unknown>[];
}

export interface OrderEditReply {
  order_edit: OrderEditView;
}
