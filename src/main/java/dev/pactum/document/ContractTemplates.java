package dev.pactum.document;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.regex.Pattern;
import org.apache.velocity.Template;
import org.apache.velocity.VelocityContext;
import org.apache.velocity.app.VelocityEngine;
import org.apache.velocity.runtime.RuntimeConstants;
import org.apache.velocity.runtime.resource.loader.ClasspathResourceLoader;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The contract templates ({@code templates/contracts/<key>.vm} in the project, on the classpath at the same
 * path), rendered with Velocity into XHTML. Every inserted value is XML-escaped by {@link XmlEscapingReferences}.
 * A template sees {@code $model} ({@link ContractDocumentModel}) and {@code $fmt} ({@link TemplateFormats});
 * shared layout, styles and clause macros live in {@code templates/contracts/common/}.
 */
@Component
public class ContractTemplates {

    static final String FOLDER = "templates/contracts/";
    private static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9-]*");

    private final VelocityEngine velocity;
    private final TemplateFormats formats = new TemplateFormats();

    public ContractTemplates() {
        Properties settings = new Properties();
        settings.setProperty(RuntimeConstants.RESOURCE_LOADERS, "classpath");
        settings.setProperty("resource.loader.classpath.class", ClasspathResourceLoader.class.getName());
        settings.setProperty(RuntimeConstants.INPUT_ENCODING, "UTF-8");
        // A misspelt reference fails the render instead of printing "$model.titel" into a contract.
        settings.setProperty(RuntimeConstants.RUNTIME_REFERENCES_STRICT, "true");
        // #if($value) means "is there a value": a liability cap of 0.00 is a term to state, not an absent one.
        settings.setProperty(RuntimeConstants.CHECK_EMPTY_OBJECTS, "false");
        settings.setProperty(RuntimeConstants.EVENTHANDLER_REFERENCEINSERTION, XmlEscapingReferences.class.getName());
        velocity = new VelocityEngine(settings);
        velocity.init();
    }

    public boolean exists(String templateKey) {
        return templateKey != null && KEY.matcher(templateKey).matches()
                && getClass().getClassLoader().getResource(path(templateKey)) != null;
    }

    /** The keys of all contract templates, sorted. */
    public List<String> keys() {
        try {
            Resource[] resources = new PathMatchingResourcePatternResolver(getClass().getClassLoader())
                    .getResources("classpath*:" + FOLDER + "*.vm");
            return Arrays.stream(resources)
                    .map(Resource::getFilename)
                    .filter(Objects::nonNull)
                    .map(name -> name.substring(0, name.length() - ".vm".length()))
                    .filter(KEY.asPredicate())
                    .distinct()
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the contract templates", e);
        }
    }

    /**
     * @throws UnknownTemplateException when no template has that key
     */
    public String renderXhtml(String templateKey, ContractDocumentModel model) {
        if (!exists(templateKey)) {
            throw new UnknownTemplateException(templateKey, keys());
        }
        Template template = velocity.getTemplate(path(templateKey), "UTF-8");
        VelocityContext context = new VelocityContext();
        context.put("model", model);
        context.put("fmt", formats);
        StringWriter out = new StringWriter(16 * 1024);
        template.merge(context, out);
        return out.toString();
    }

    private static String path(String templateKey) {
        return FOLDER + templateKey + ".vm";
    }

    /** A contract names a template that is not in {@code templates/contracts/}. */
    public static class UnknownTemplateException extends IllegalArgumentException {

        private final String templateKey;

        UnknownTemplateException(String templateKey, List<String> known) {
            super("no contract template '" + templateKey + "' in " + FOLDER + " (known: " + String.join(", ", known) + ")");
            this.templateKey = templateKey;
        }

        public String templateKey() {
            return templateKey;
        }
    }
}
