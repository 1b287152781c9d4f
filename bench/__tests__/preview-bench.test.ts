import { describe, expect, it } from 'vitest';
import { describePreviewSummary } from '../../src/integrations/link-previews/job';
import { previewStepFromLog } from '../harness/preview-bench';

describe('the log line', () => {
  it('is what bench:scale reads the step back from', () => {
    const line = describePreviewSummary({
      pages: 10077,
      drawn: 10000,
      reused: 77,
      largestBytes: 19_558,
      totalBytes: 1,
      workers: 2,
      seconds: 69.64,
      cpuSeconds: 130.27,
      peakRssBytes: 548 * 1024 * 1024,
    });
    expect(previewStepFromLog(`…\n[link-previews] ${line}\n`, true)).toEqual({
      pages: 10077,
      drawn: 10000,
      reused: 77,
      largestKb: 19.1,
      workers: 2,
      seconds: 69.6,
      cpuSeconds: 130.3,
      peakMb: 548,
      cold: true,
    });
  });
});
