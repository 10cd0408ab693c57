package dev.pactum.workspace;

import dev.pactum.approval.ApprovalHistory;
import dev.pactum.contract.ContractStatus;
import dev.pactum.contract.ContractType;
import dev.pactum.dossier.ContractDossier;
import dev.pactum.dossier.ContractView;
import dev.pactum.contract.ExchangeRates;
import dev.pactum.document.ContractTemplates;
import dev.pactum.reporting.ContractFilter;
import dev.pactum.reporting.ContractListing;
import dev.pactum.reporting.ContractRow;
import dev.pactum.reporting.TableExport;
import dev.pactum.security.CurrentUser;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.data.domain.Page;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** 合同 pages: the list with its exports, one contract, and the form for a new one. */
@Controller
@Validated
class ContractPages {

    static final int PAGE_SIZE = 20;

    /** The form offers the most used templates first; each template's type is picked with it. */
    private static final List<String> COMMON_TEMPLATES =
            List.of("sales-standard", "service-standard", "purchase-standard", "nda-standard");
    private static final Comparator<String> TEMPLATES_FIRST = Comparator.comparingInt((String key) -> {
        int index = COMMON_TEMPLATES.indexOf(key);
        return index < 0 ? COMMON_TEMPLATES.size() : index;
    }).thenComparing(Comparator.naturalOrder());

    private static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final ContractListing listing;
    private final ContractDossier dossier;
    private final ApprovalHistory approvals;
    private final ContractTemplates templates;
    private final ExchangeRates rates;
    private final SavedFilters savedFilters;
    private final CurrentUser currentUser;
    private final MessageSource messages;
    private final WorkspaceFormat fmt;
    private final Clock clock;

    ContractPages(ContractListing listing, ContractDossier dossier, ApprovalHistory approvals,
                  ContractTemplates templates, ExchangeRates rates, SavedFilters savedFilters, CurrentUser currentUser,
                  MessageSource messages, WorkspaceFormat fmt, Clock clock) {
        this.listing = listing;
        this.dossier = dossier;
        this.approvals = approvals;
        this.templates = templates;
        this.rates = rates;
        this.savedFilters = savedFilters;
        this.currentUser = currentUser;
        this.messages = messages;
        this.fmt = fmt;
        this.clock = clock;
    }

    @GetMapping("/contracts")
    String list(@ModelAttribute("filter") ContractFilter filter, BindingResult ignoredBadParameters,
                @RequestParam(defaultValue = "0") int page, Model model) {
        filter = usable(filter);
        model.addAttribute("filter", filter);
        Page<ContractRow> rows = listing.search(filter, Math.max(page, 0), PAGE_SIZE);
        model.addAttribute("rows", rows);
        model.addAttribute("query", filter.queryString());
        model.addAttribute("statuses", ContractStatus.values());
        model.addAttribute("types", ContractType.values());
        model.addAttribute("savedFilters", savedFilters.mine());
        return "contracts";
    }

    @GetMapping("/contracts/export.xlsx")
    ResponseEntity<byte[]> exportXlsx(@ModelAttribute ContractFilter filter, BindingResult ignoredBadParameters) {
        return download(TableExport.xlsx(table(listing.all(usable(filter)))), XLSX, "xlsx");
    }

    /** {@code charset=gbk} for Excel on a Chinese Windows; UTF-8 with a byte order mark otherwise. */
    @GetMapping("/contracts/export.csv")
    ResponseEntity<byte[]> exportCsv(@ModelAttribute ContractFilter filter, BindingResult ignoredBadParameters,
                                     @RequestParam(defaultValue = "utf-8") String charset) {
        TableExport.Table table = table(listing.all(usable(filter)));
        boolean gbk = "gbk".equalsIgnoreCase(charset);
        return download(gbk ? TableExport.csvGbk(table) : TableExport.csvUtf8(table),
                new MediaType("text", "csv", gbk ? TableExport.GBK : StandardCharsets.UTF_8),
                gbk ? "gbk.csv" : "csv");
    }

    /**
     * A filter whose parameters did not convert (a letter in an amount, a date like 2026-13-45) is not made at all:
     * the page then ignores the filter, as it ignores each bad parameter, instead of failing to render.
     */
    private static ContractFilter usable(ContractFilter filter) {
        return filter == null ? ContractFilter.NONE : filter;
    }

    @GetMapping("/contracts/{id:\\d+}")
    String contract(@PathVariable long id, Model model) {
        ContractView contract = dossier.view(id);
        model.addAttribute("c", contract);
        model.addAttribute("approvals", approvals.of(id));
        model.addAttribute("mine", contract.owner().equals(currentUser.username()));
        return "contract";
    }

    @PostMapping("/contracts/filters")
    String saveFilter(@RequestParam @NotBlank @Size(max = 100) String name,
                      @RequestParam(defaultValue = "") @Size(max = 2000) String query) {
        savedFilters.save(name.trim(), query);
        return "redirect:/contracts" + (query.isEmpty() ? "" : "?" + query);
    }

    @PostMapping("/contracts/filters/{id}/delete")
    String deleteFilter(@PathVariable long id) {
        savedFilters.delete(id);
        return "redirect:/contracts";
    }

    @GetMapping("/contracts/new")
    String newContract(Model model) {
        LocalDate today = LocalDate.now(clock.withZone(fmt.zone()));
        model.addAttribute("templates", templates.keys().stream().sorted(TEMPLATES_FIRST).toList());
        model.addAttribute("types", ContractType.values());
        model.addAttribute("currencies", rates.currencies().stream().sorted().toList());
        model.addAttribute("start", today);
        model.addAttribute("end", today.plusYears(1).minusDays(1));
        // One key per opened form: a double click or a retry after a lost answer drafts one contract, not two.
        model.addAttribute("idempotencyKey", UUID.randomUUID().toString());
        return "contract-new";
    }

    private ResponseEntity<byte[]> download(byte[] body, MediaType type, String extension) {
        String name = text("pactum.workspace.export.fileName") + "-" + LocalDate.now(clock.withZone(fmt.zone()))
                + "." + extension;
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(name, StandardCharsets.UTF_8).build().toString())
                .body(body);
    }

    private TableExport.Table table(List<ContractRow> rows) {
        List<String> header = List.of("number", "title", "type", "status", "customer", "owner", "amount",
                "currency", "startDate", "endDate", "createdAt", "risk").stream()
                .map(column -> text("pactum.workspace.column." + column)).toList();
        List<List<Object>> values = new ArrayList<>();
        for (ContractRow row : rows) {
            values.add(Arrays.asList(row.number(), row.title(),
                    text("pactum.workspace.type." + row.type()), text("pactum.workspace.status." + row.status()),
                    row.customerName(), row.owner(), row.amount(), row.currency(), row.startDate().toString(),
                    row.endDate().toString(), fmt.time(row.createdAt()), row.riskLevel()));
        }
        return new TableExport.Table(text("pactum.workspace.contracts.title"), header, values);
    }

    private String text(String key) {
        Locale locale = LocaleContextHolder.getLocale();
        return messages.getMessage(key, null, key, locale);
    }
}
