import { Controller, HttpCode, Post, Req, UseGuards } from '@nestjs/common';
import { CatalogCommands, ImportReport } from '@app/contracts';
import { CommandClient, DomainError } from '@app/platform';
import { FastifyRequest } from 'fastify';
import { AdminGuard } from '../auth/admin.guard';

/** An import reads and writes one transaction per entry: a whole catalog may take a while. */
const IMPORT_TIMEOUT_MS = 120_000;

/**
 * `POST /admin/catalog/import` (our own route; `npm run import -- <file>` calls it): the body is a
 * catalog document, passed on as the text it arrived as so that the report can name lines. Answers
 * the report: what was created, updated, unchanged and refused, and why.
 */
@UseGuards(AdminGuard)
@Controller('admin/catalog/import')
export class AdminCatalogImportController {
  constructor(private readonly commands: CommandClient) {}

  @Post()
  @HttpCode(200)
  async import(@Req() request: FastifyRequest & { rawBody?: Buffer }): Promise<ImportReport> {
    if (!request.rawBody?.length) throw DomainError.invalidData('The body must be a catalog document (JSON)');
    return this.commands.request(
      CatalogCommands.importCatalog,
      { document: request.rawBody.toString('utf8') },
      { timeoutMs: IMPORT_TIMEOUT_MS },
    );
  }
}
