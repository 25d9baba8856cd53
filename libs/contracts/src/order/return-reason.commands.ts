import { IsObject, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';

/** Medusa's `ReturnReason`. */
export interface ReturnReason {
  id: string;
  value: string;
  label: string;
  description: string | null;
  parent_return_reason_id: string | null;
  parent_return_reason?: ReturnReason | null;
  return_reason_children?: ReturnReason[];
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
  metadata: Record<string, unknown> | null;
}

/** `POST /admin/return-reasons`: Medusa's `AdminPostReturnReasonsReq`. */
export class CreateReturnReasonRequest {
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  @Matches(/^\S+$/, { message: 'value must have no spaces' })
  value!: string;
  @IsString() @MinLength(1) @MaxLength(200) label!: string;
  @IsOptional() @IsString() @MaxLength(2000) description?: string;
  @IsOptional() @IsString() @MaxLength(100) parent_return_reason_id?: string;
  @IsOptional() @IsObject() metadata?: Record<string, unknown>;
}

export class ReturnReasonRef {
  @IsString() @MaxLength(100) id!: string;
}
