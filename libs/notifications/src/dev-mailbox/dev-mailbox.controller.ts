import { Controller, Get, Header, Inject, NotFoundException, Param } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@standpoint/config';
import { DevMailbox } from './dev-mailbox';
import { mailboxListPage, mailboxMessagePage } from './dev-mailbox-pages';

/** Nothing runs and nothing loads from elsewhere, the email's own inline styles aside. */
const MAILBOX_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-src 'self'; form-action 'none'";

/** The development mailbox in the browser; in production these routes do not exist. */
@Controller('dev/mailbox')
export class DevMailboxController {
  constructor(
    private readonly mailbox: DevMailbox,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  @Header('Content-Type', 'text/html; charset=utf-8')
  @Header('Content-Security-Policy', MAILBOX_CSP)
  async list(): Promise<string> {
    this.requireDevelopment();
    return mailboxListPage(await this.mailbox.list());
  }

  @Get(':id')
  @Header('Content-Type', 'text/html; charset=utf-8')
  @Header('Content-Security-Policy', MAILBOX_CSP)
  async show(@Param('id') id: string): Promise<string> {
    this.requireDevelopment();
    const message = await this.mailbox.read(id);
    if (!message) throw new NotFoundException('No message by that id in the mailbox');
    return mailboxMessagePage(message);
  }

  private requireDevelopment(): void {
    if (this.config.production) throw new NotFoundException();
  }
}
