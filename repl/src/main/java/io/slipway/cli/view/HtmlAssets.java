package io.slipway.cli.view;

/** The report's inline stylesheet and script (kept apart from the markup for readability). */
final class HtmlAssets {
  private HtmlAssets() {}

  static final String CSS = """
      body{font:14px/1.4 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;color:#1d232a;
        background:#f6f7f9}
      header,section{margin:16px 24px;background:#fff;border:1px solid #dde1e6;border-radius:6px;
        padding:12px 16px}
      h1{display:inline;font-size:20px;margin-right:12px}h2{font-size:15px;margin:4px 0 12px}
      .meta{color:#5b6570;font-size:13px}
      .badge{display:inline-block;border-radius:10px;padding:1px 9px;font-size:12px;color:#fff;
        background:#8a939c}
      .badge.success,.bar.success{background:#2e9d50}.badge.failed,.bar.failed{background:#d33b3b}
      .badge.running,.bar.running{background:#2f7fd8}.badge.cancelled,.bar.cancelled{background:#d98b1c}
      .badge.skipped,.bar.skipped,.bar.pending{background:#b0b7be}
      td.success{color:#2e9d50}td.failed{color:#d33b3b}
      .row{display:flex;align-items:center;height:24px}.row.step{height:16px;font-size:12px}
      .row .label{width:220px;flex:none;box-sizing:border-box;overflow:hidden;
        text-overflow:ellipsis;white-space:nowrap;padding-right:8px}
      .row.step .label{padding-left:16px;color:#5b6570}
      .track{position:relative;flex:1;height:100%;border-left:1px solid #dde1e6}
      .bar{position:absolute;top:4px;bottom:4px;min-width:2px;border-radius:3px;cursor:pointer}
      .row.step .bar{top:4px;bottom:4px;opacity:.75}
      .dur{width:120px;flex:none;box-sizing:border-box;padding-left:10px;font-size:12px;
        color:#5b6570;white-space:nowrap}
      .row.step .dur{font-size:11px}
      .axis{height:18px;color:#5b6570;font-size:11px}.tick{position:absolute;transform:translateX(-50%)}
      .tick:first-child{transform:none}.tick:last-child{transform:translateX(-100%)}
      details.stage{border-top:1px solid #eef0f2;padding:6px 0}summary{cursor:pointer}
      pre{background:#12161b;color:#dfe3e8;padding:8px 10px;border-radius:4px;overflow:auto;
        max-height:420px;font:12px/1.35 ui-monospace,Menlo,Consolas,monospace}
      pre.error{background:#fdecec;color:#8d1f1f;white-space:pre-wrap}
      table.steps{border-collapse:collapse;margin:6px 0;font-size:13px}
      table.steps td,table.steps th{padding:2px 10px;border-bottom:1px solid #eef0f2;text-align:left}
      .highlight{outline:2px solid #2f7fd8}
      """;

  /** Clicking a bar opens that stage's details and scrolls to them. */
  static final String JS = """
      document.querySelectorAll('.gantt .row[data-stage]').forEach(function(row){
        row.addEventListener('click',function(){
          var id='stage-'+row.getAttribute('data-stage').replace(/[^A-Za-z0-9_-]/g,'_');
          var d=document.getElementById(id); if(!d) return;
          d.open=true; d.scrollIntoView({behavior:'smooth'});
          d.classList.add('highlight'); setTimeout(function(){d.classList.remove('highlight');},1200);
        });
      });
      """;
}
