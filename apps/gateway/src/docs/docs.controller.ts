import { Controller, Get, Header } from '@nestjs/common';
import { ApiDocument, ApiDocuments } from './api-document';

const escape = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

/** The page of `/docs`: every operation of the document, by tag, linking to the document itself. */
export function docsPage(document: ApiDocument): string {
  const sections = document.tags.map((tag) => {
    const rows = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.entries(methods)
        .filter(([, operation]) => (operation.tags as string[] | undefined)?.includes(tag.name))
        .map(
          ([method, operation]) =>
            `<tr><td><code>${method.toUpperCase()}</code></td><td><code>${escape(path)}</code></td><td>${escape(String(operation.summary ?? ''))}</td></tr>`,
        ),
    );
    return `<h2>${escape(tag.name)}</h2><p>${escape(tag.description)}</p><table>${rows.join('')}</table>`;
  });
  return [
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Checkout backend API</title>',
    '<style>body{font:14px/1.5 system-ui,sans-serif;margin:2rem;max-width:70rem}td{padding:.15rem .75rem .15rem 0;vertical-align:top}code{font-size:13px}</style>',
    `</head><body><h1>${escape(document.info.title)} API</h1><p>${escape(document.info.description)}</p>`,
    '<p>The whole document, with every schema: <a href="/openapi.json">/openapi.json</a>.</p>',
    ...sections,
    '</body></html>',
  ].join('\n');
}

/** The API's document and a page to read it. */
@Controller()
export class DocsController {
  constructor(private readonly documents: ApiDocuments) {}

  @Get('openapi.json')
  openapi(): ApiDocument {
    return this.documents.get();
  }

  @Get('docs')
  @Header('content-type', 'text/html; charset=utf-8')
  docs(): string {
    return docsPage(this.documents.get());
  }
}
