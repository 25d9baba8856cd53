import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { flushLogs } from './logging';

/** Writes out buffered log lines when the app stops, also when a signal stops it. */
@Injectable()
export class LogFlushOnShutdown implements OnApplicationShutdown {
  onApplicationShutdown(): void {
    flushLogs();
  }
}
