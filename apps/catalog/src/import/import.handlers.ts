import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { CatalogCommands, ImportCatalogRequest, ImportReport } from '@app/contracts';
import { CatalogImport } from './catalog-import.service';

/** `catalog.import.run`: safe to retry — loading a document again changes nothing. */
@Controller()
export class ImportHandlers {
  constructor(private readonly catalogImport: CatalogImport) {}

  @MessagePattern(CatalogCommands.importCatalog.subject)
  run(@Payload() request: ImportCatalogRequest): Promise<ImportReport> {
    return this.catalogImport.run(request.document);
  }
}
