import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  PointsCommands,
  PointsMovement,
  PointsMovementReply,
  PointsQuery,
  PointsReply,
} from '@app/contracts';
import { PointsLedger } from './points-ledger.service';

/** The points ledger's commands. */
@Controller()
export class PointsHandlers {
  constructor(private readonly ledger: PointsLedger) {}

  @MessagePattern(PointsCommands.get.subject)
  get(@Payload() query: PointsQuery): Promise<PointsReply> {
    return this.ledger.get(query);
  }

  @MessagePattern(PointsCommands.move.subject)
  move(@Payload() movement: PointsMovement): Promise<PointsMovementReply> {
    return this.ledger.move(movement);
  }
}
