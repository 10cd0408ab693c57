package dev.pactum.document;

import dev.pactum.config.PactumProperties;
import dev.pactum.contract.Contract;
import dev.pactum.contract.ContractTemplateCatalog;
import dev.pactum.contract.ContractTerms;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.springframework.stereotype.Component;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * The clause library: each template's clauses with their standard text (范本条款), read from the template itself so
 * that the template stays the only place the standard wording lives.
 *
 * <p>A clause's standard text contains the contract's own values (title, dates, payment days, amounts). So a
 * negotiated text is compared with the standard text <em>rendered for that same contract</em>, not with the
 * catalogue text of {@link #standardClauses}: a contract whose negotiated payment clause repeats its own
 * "30 日内" word for word has not changed the clause. Both sides are compared after {@link #normalize whitespace
 * normalisation}.
 */
@Component
public class ClauseLibrary implements ContractTemplateCatalog {

    /** Characters in scripts written without spaces between words; whitespace next to them carries no meaning. */
    private static final Pattern SPACE_NEXT_TO_CJK = Pattern.compile(
            "\\s+(?=[\\p{IsHan}\\p{InCJKSymbolsAndPunctuation}\\p{InHalfwidthAndFullwidthForms}])"
                    + "|(?<=[\\p{IsHan}\\p{InCJKSymbolsAndPunctuation}\\p{InHalfwidthAndFullwidthForms}])\\s+");
    private static final Pattern WHITESPACE = Pattern.compile("[\\s\\u00a0\\u3000]+");
    private static final String CLAUSE_ID_PREFIX = "clause-";

    private final ContractTemplates templates;
    private final String sellerName;
    private final Map<String, List<Clause>> standardByTemplate = new ConcurrentHashMap<>();

    public ClauseLibrary(ContractTemplates templates, PactumProperties properties) {
        this.templates = templates;
        this.sellerName = properties.companyName();
    }

    /** One clause of a template: its stable id, its heading and its standard text, paragraphs separated by {@code \n}. */
    public record Clause(String id, String title, String text) {
    }

    /**
     * The template's clauses in document order, rendered once for a neutral contract: blank dates and amounts, a
     * placeholder title, no terms and no custom fields (so 其他约定 is not among them; its text is the contract's
     * custom fields, not a clause to negotiate). The payment term shows as 30 days: the model has no blank for it.
     *
     * @throws ContractTemplates.UnknownTemplateException when no template has that key
     */
    public List<Clause> standardClauses(String templateKey) {
        if (!templates.exists(templateKey)) {
            throw new ContractTemplates.UnknownTemplateException(templateKey, templates.keys());
        }
        return standardByTemplate.computeIfAbsent(templateKey,
                key -> clauses(templates.renderXhtml(key, neutralModel())));
    }

    @Override
    public boolean exists(String templateKey) {
        return templates.exists(templateKey);
    }

    /** The ids among {@code ids} that are not clauses of the template; all of them when there is no such template. */
    @Override
    public Set<String> unknownClauseIds(String templateKey, Set<String> ids) {
        Set<String> unknown = new LinkedHashSet<>(ids);
        if (templates.exists(templateKey)) {
            standardClauses(templateKey).forEach(clause -> unknown.remove(clause.id()));
        }
        return unknown;
    }

    /**
     * Ids of the clauses whose negotiated text differs from the standard text as rendered for this contract (its
     * own title, dates, amounts and terms), after whitespace normalisation; in document order. A negotiated id the
     * template does not have counts as changed: there is no standard text it could match. Call it inside the
     * transaction that loaded {@code contract}.
     */
    public List<String> changedClauses(Contract contract) {
        Map<String, String> negotiated = contract.getClauses();
        if (negotiated.isEmpty()) {
            return List.of();
        }
        ContractDocumentModel standardForContract = ContractDocumentModel.of(contract, sellerName)
                .withNegotiatedClauses(Map.of());
        Map<String, String> standard = new LinkedHashMap<>();
        for (Clause clause : clauses(templates.renderXhtml(contract.getTemplateKey(), standardForContract))) {
            standard.put(clause.id(), normalize(clause.text()));
        }
        List<String> changed = new ArrayList<>();
        standard.forEach((id, text) -> {
            if (negotiated.containsKey(id) && !text.equals(normalize(negotiated.get(id)))) {
                changed.add(id);
            }
        });
        negotiated.keySet().stream().filter(id -> !standard.containsKey(id)).forEach(changed::add);
        return changed;
    }

    /**
     * Whitespace that does not change what a text says: runs of spaces, tabs and line breaks count as one space,
     * and whitespace next to a Chinese character or punctuation mark counts as none ({@code 之日起 30 日内} reads
     * the same as {@code 之日起30日内}).
     */
    static String normalize(String text) {
        String collapsed = WHITESPACE.matcher(Objects.requireNonNullElse(text, "")).replaceAll(" ").strip();
        return SPACE_NEXT_TO_CJK.matcher(collapsed).replaceAll("");
    }

    private ContractDocumentModel neutralModel() {
        return new ContractDocumentModel("HT-____-______", "（合同名称）", null, "合同", null, "CNY", null, null, 30,
                Map.of(), sellerName,
                new ContractDocumentModel.Counterparty("（对方名称）", null, null, null, null),
                ContractTerms.NONE, Map.of());
    }

    /** The clauses of a rendered contract: every {@code <section class="clause">} with its {@code clause-body}. */
    static List<Clause> clauses(String xhtml) {
        Document document = parse(xhtml);
        NodeList sections = document.getElementsByTagName("section");
        List<Clause> clauses = new ArrayList<>();
        for (int i = 0; i < sections.getLength(); i++) {
            Element section = (Element) sections.item(i);
            String id = section.getAttribute("id");
            if (!section.getAttribute("class").contains("clause") || !id.startsWith(CLAUSE_ID_PREFIX)) {
                continue;
            }
            clauses.add(new Clause(id.substring(CLAUSE_ID_PREFIX.length()), section.getAttribute("data-title"),
                    bodyText(section)));
        }
        return List.copyOf(clauses);
    }

    private static String bodyText(Element section) {
        NodeList divs = section.getElementsByTagName("div");
        for (int i = 0; i < divs.getLength(); i++) {
            Element div = (Element) divs.item(i);
            if (div.getAttribute("class").contains("clause-body")) {
                List<String> paragraphs = new ArrayList<>();
                for (Node child = div.getFirstChild(); child != null; child = child.getNextSibling()) {
                    String text = WHITESPACE.matcher(child.getTextContent()).replaceAll(" ").strip();
                    if (!text.isEmpty()) {
                        paragraphs.add(text);
                    }
                }
                return String.join("\n", paragraphs);
            }
        }
        return "";
    }

    private static Document parse(String xhtml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xhtml)));
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new IllegalStateException("a contract template rendered XHTML that is not well-formed", e);
        }
    }
}
