import { Controller, Get, Inject, Param, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { AuthUser } from '../auth/auth.types';
import { CurrentUser, Roles } from '../auth/roles.decorator';
import { CLOCK, Clock } from '@jiyn/platform';
import { renderCertificatePdf } from './certificate-pdf';
import { CertificateService } from './certificate.service';
import { verifyPage } from './verify-page';

@ApiTags('certificates')
@Controller()
export class CertificatesController {
  constructor(
    private readonly certificates: CertificateService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get('filings/:id/certificate.pdf')
  @Roles('organizer')
  @ApiBearerAuth()
  @ApiProduces('application/pdf')
  @ApiOperation({
    summary:
      'The deemed-approval certificate (PDF with a QR code to its verification). Its organizer only; 404 for anyone else and unless the filing is deemed approved',
  })
  async pdf(@Param('id') id: string, @CurrentUser() user: AuthUser, @Res() reply: FastifyReply) {
    const { filing, audit } = await this.certificates.forOrganizer(id, user);
    const pdf = await renderCertificatePdf({
      filing,
      audit,
      verifyUrl: this.certificates.verifyUrl(filing.id),
      issuedAt: this.clock.now(),
    });
    reply
      .status(200)
      .header('content-type', 'application/pdf')
      .header('content-disposition', `inline; filename="jiyn-${filing.number}.pdf"`)
      .header('cache-control', 'private, no-store')
      .send(pdf);
  }

  @Get('certificates/:filingId/verify')
  @ApiOperation({
    summary:
      'Public: checks a deemed approval against the audit log: {valid, number, status, deemedApprovedAt, auditSeq, auditHash, chainValid}',
  })
  async verify(@Param('filingId') filingId: string, @Res({ passthrough: true }) reply: FastifyReply) {
    const { verification } = await this.certificates.verify(filingId);
    reply.header('cache-control', 'no-store');
    return verification;
  }

  @Get('certificates/:filingId')
  @ApiProduces('text/html')
  @ApiOperation({ summary: "Public: the verification page the certificate's QR code opens (HTML)" })
  async page(@Param('filingId') filingId: string, @Res() reply: FastifyReply) {
    const { filing, verification } = await this.certificates.verify(filingId);
    reply
      .status(200)
      .header('content-type', 'text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'")
      .send(verifyPage(filing, verification));
  }
}
