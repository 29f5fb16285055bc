package dev.multidb.codegen;

import java.io.IOException;
import java.io.Writer;
import java.lang.annotation.Annotation;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.Parameterizable;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.TypeParameterElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.TypeMirror;
import javax.tools.Diagnostic;

/**
 * What the project's processors share: the package annotation they answer (alone or repeated), reading its values,
 * printing types and method heads, writing a source file.
 */
abstract class TemplateProcessor extends AbstractProcessor {

    private final String single;
    private final String repeated;

    /**
     * @param single   the annotation on {@code package-info.java}
     * @param repeated its {@code @Repeatable} container
     */
    TemplateProcessor(Class<? extends Annotation> single, Class<? extends Annotation> repeated) {
        this.single = single.getCanonicalName();
        this.repeated = repeated.getCanonicalName();
    }

    /** Writes what one annotation of {@code pkg} asks for. */
    abstract void generate(PackageElement pkg, AnnotationMirror request);

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        for (TypeElement annotation : annotations) {
            for (Element element : round.getElementsAnnotatedWith(annotation)) {
                if (element instanceof PackageElement pkg) {
                    generateAll(pkg);
                }
            }
        }
        return true;
    }

    private void generateAll(PackageElement pkg) {
        for (AnnotationMirror mirror : pkg.getAnnotationMirrors()) {
            String name = ((TypeElement) mirror.getAnnotationType().asElement()).getQualifiedName().toString();
            if (name.equals(single)) {
                generate(pkg, mirror);
            } else if (name.equals(repeated)) {
                for (Object nested : (List<?>) value(mirror, "value").getValue()) {
                    generate(pkg, (AnnotationMirror) ((AnnotationValue) nested).getValue());
                }
            }
        }
    }

    /** The value given for {@code member}, or {@code null} when the annotation leaves it at its default. */
    static AnnotationValue value(AnnotationMirror mirror, String member) {
        for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry
                : mirror.getElementValues().entrySet()) {
            if (entry.getKey().getSimpleName().contentEquals(member)) {
                return entry.getValue();
            }
        }
        return null;
    }

    /** The class a {@code Class<?>} member names. */
    static TypeElement typeOf(AnnotationValue value) {
        return (TypeElement) ((DeclaredType) value.getValue()).asElement();
    }

    /** {@code <A extends B, C>}, or nothing. */
    static String typeParameters(Parameterizable element) {
        return element.getTypeParameters().isEmpty() ? "" : element.getTypeParameters().stream()
                .map(TemplateProcessor::typeParameter).collect(Collectors.joining(", ", "<", ">"));
    }

    /** {@code <A, C>}, or nothing. */
    static String typeArguments(TypeElement type) {
        return type.getTypeParameters().isEmpty() ? "" : type.getTypeParameters().stream()
                .map(parameter -> parameter.getSimpleName().toString()).collect(Collectors.joining(", ", "<", ">"));
    }

    private static String typeParameter(TypeParameterElement parameter) {
        List<? extends TypeMirror> bounds = parameter.getBounds();
        boolean onlyObject = bounds.size() == 1 && bounds.get(0).toString().equals("java.lang.Object");
        return parameter.getSimpleName() + (bounds.isEmpty() || onlyObject ? ""
                : bounds.stream().map(TypeMirror::toString).collect(Collectors.joining(" & ", " extends ", "")));
    }

    /** The method's name and erased parameter types: one entry per signature. */
    String signature(ExecutableElement method) {
        return method.getSimpleName() + method.getParameters().stream()
                .map(p -> processingEnv.getTypeUtils().erasure(p.asType()).toString())
                .collect(Collectors.joining(",", "(", ")"));
    }

    /**
     * {@code @Override public <T> R name(P a0, Q... a1) throws E}: the head of an override of {@code method} as a
     * member of the generated class's supertype ({@code member}), its parameters named {@code a0}, {@code a1}, ...
     */
    static String overrideHead(ExecutableElement method, ExecutableType member) {
        String typeParameters = typeParameters(method);
        int count = member.getParameterTypes().size();
        String parameters = IntStream.range(0, count).mapToObj(i -> {
            TypeMirror type = member.getParameterTypes().get(i);
            boolean varArgs = method.isVarArgs() && i == count - 1;
            return (varArgs ? ((ArrayType) type).getComponentType() + "..." : type.toString()) + " a" + i;
        }).collect(Collectors.joining(", "));
        return "    @Override\n    public " + (typeParameters.isEmpty() ? "" : typeParameters + " ")
                + member.getReturnType() + " " + method.getSimpleName() + "(" + parameters + ")"
                + throwsClause(member.getThrownTypes());
    }

    /** {@code a0, a1, ...}: the arguments of a call passing on {@code count} parameters. */
    static String arguments(int count) {
        return IntStream.range(0, count).mapToObj(i -> "a" + i).collect(Collectors.joining(", "));
    }

    static String throwsClause(List<? extends TypeMirror> thrown) {
        return thrown.isEmpty() ? ""
                : thrown.stream().map(TypeMirror::toString).collect(Collectors.joining(", ", " throws ", ""));
    }

    /** The {@code @Generated} line naming this processor. */
    String generatedAnnotation() {
        return "@javax.annotation.processing.Generated(\"" + getClass().getName() + "\")\n";
    }

    void write(PackageElement pkg, String simpleName, String source) {
        String qualified = pkg.getQualifiedName() + "." + simpleName;
        try (Writer writer = processingEnv.getFiler().createSourceFile(qualified, pkg).openWriter()) {
            writer.write(source);
        } catch (IOException e) {
            processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR,
                    "Cannot write " + qualified + ": " + e.getMessage(), pkg);
        }
    }
}
