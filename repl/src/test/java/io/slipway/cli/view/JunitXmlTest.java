package io.slipway.cli.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class JunitXmlTest {
  @Test
  void reportIsWellFormedXmlWithOneTestcasePerStage() throws Exception {
    String xml = JunitReport.render(SampleRun.snapshot());
    var factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    Document doc = factory.newDocumentBuilder()
        .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    Element root = doc.getDocumentElement();
    assertThat(root.getTagName()).isEqualTo("testsuites");
    var cases = doc.getElementsByTagName("testcase");
    assertThat(cases.getLength()).isEqualTo(4);
    assertThat(((Element) cases.item(0)).getAttribute("name")).isEqualTo("build");
    Element failed = (Element) cases.item(2);
    assertThat(failed.getAttribute("name")).isEqualTo("test");
    Element failure = (Element) failed.getElementsByTagName("failure").item(0);
    assertThat(failure.getAttribute("type")).isEqualTo("StepFailed");
    assertThat(failure.getTextContent()).contains("last log lines:").contains("FAIL books_test");
    assertThat(((Element) cases.item(3)).getElementsByTagName("skipped").getLength()).isEqualTo(1);
    assertThat(((Element) cases.item(0)).getElementsByTagName("system-out").item(0)
        .getTextContent()).isEqualTo("compiling <main> & \"friends\"");
  }
}
