/**
 * The card drawer as a process of its own (job.ts says who starts it).
 *
 * Usage: node --import tsx src/integrations/link-previews/cli.ts '<PreviewJob as JSON>'
 */
import { drawLinkPreviews } from './draw-site-cards';
import { previewJobSchema } from './job';

const [json] = process.argv.slice(2);
if (!json) {
  console.error('사용법: cli.ts \'{"outDir":…,"cacheDir":…}\'');
  process.exit(2);
}
try {
  const summary = await drawLinkPreviews(previewJobSchema.parse(JSON.parse(json)));
  // One JSON line runPreviewJob reads back.
  console.log(JSON.stringify({ linkPreviews: summary }));
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
