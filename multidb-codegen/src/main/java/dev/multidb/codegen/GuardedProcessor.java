package dev.multidb.codegen;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.annotation.processing.SupportedAnnotationTypes;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.TypeParameterElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import javax.tools.Diagnostic;

/**
 * Writes the {@code Guarded<Class>} subclasses that {@link Guarded} asks for: one template, the method body
 * {@code try { return super.m(a0, ...); } catch (E e) { throw rethrown(e); }}.
 */
@SupportedAnnotationTypes({"dev.multidb.codegen.Guarded", "dev.multidb.codegen.Guarded.List"})
public final class GuardedProcessor extends AbstractProcessor {

    private static final String GUARDED = Guarded.class.getCanonicalName();
    private static final String LIST = Guarded.List.class.getCanonicalName();
    private static final Set<String> OBJECT_METHODS = Set.of("equals", "hashCode", "toString");

    private record Request(TypeElement base, TypeElement exception) {
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        for (TypeElement annotation : annotations) {
            for (Element element : round.getElementsAnnotatedWith(annotation)) {
                if (element instanceof PackageElement pkg) {
                    for (Request request : requested(pkg)) {
                        write(pkg, request);
                    }
                }
            }
        }
        return true;
    }

    private List<Request> requested(PackageElement pkg) {
        List<Request> requests = new ArrayList<>();
        for (AnnotationMirror mirror : pkg.getAnnotationMirrors()) {
            String name = ((TypeElement) mirror.getAnnotationType().asElement()).getQualifiedName().toString();
            if (name.equals(GUARDED)) {
                requests.add(request(mirror));
            } else if (name.equals(LIST)) {
                for (Object nested : (List<?>) value(mirror, "value").getValue()) {
                    requests.add(request((AnnotationMirror) ((AnnotationValue) nested).getValue()));
                }
            }
        }
        return requests;
    }

    private static Request request(AnnotationMirror mirror) {
        return new Request(typeOf(value(mirror, "value")), typeOf(value(mirror, "exception")));
    }

    private static TypeElement typeOf(AnnotationValue value) {
        return (TypeElement) ((DeclaredType) value.getValue()).asElement();
    }

    private static AnnotationValue value(AnnotationMirror mirror, String member) {
        for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry
                : mirror.getElementValues().entrySet()) {
            if (entry.getKey().getSimpleName().contentEquals(member)) {
                return entry.getValue();
            }
        }
        throw new IllegalStateException("@" + mirror.getAnnotationType() + " without " + member);
    }

    private void write(PackageElement pkg, Request request) {
        Elements elements = processingEnv.getElementUtils();
        Types types = processingEnv.getTypeUtils();
        TypeElement base = request.base();
        String exception = request.exception().getQualifiedName().toString();
        String simpleName = "Guarded" + base.getSimpleName();
        String typeParameters = base.getTypeParameters().isEmpty() ? ""
                : base.getTypeParameters().stream().map(GuardedProcessor::typeParameter)
                        .collect(Collectors.joining(", ", "<", ">"));
        String typeArguments = base.getTypeParameters().isEmpty() ? ""
                : base.getTypeParameters().stream().map(p -> p.getSimpleName().toString())
                        .collect(Collectors.joining(", ", "<", ">"));
        StringBuilder out = new StringBuilder();
        out.append("package ").append(pkg.getQualifiedName()).append(";\n\n")
                .append("/**\n * {@link ").append(base.getQualifiedName()).append("} with every call of its collection")
                .append(" methods guarded: a {@link ").append(exception).append("} goes through {@link #rethrown}.")
                .append(" Generated by {@code ").append(getClass().getName()).append("}: do not edit.\n */\n")
                .append("@javax.annotation.processing.Generated(\"").append(getClass().getName()).append("\")\n")
                .append("@SuppressWarnings({\"deprecation\", \"removal\", \"unchecked\", \"rawtypes\"})\n")
                .append("abstract class ").append(simpleName).append(typeParameters).append(" extends ")
                .append(base.getQualifiedName()).append(typeArguments).append(" {\n\n")
                .append("    private static final long serialVersionUID = 1L;\n");
        for (ExecutableElement constructor : ElementFilter.constructorsIn(base.getEnclosedElements())) {
            if (!constructor.getModifiers().contains(Modifier.PRIVATE)) {
                appendConstructor(out, simpleName, constructor);
            }
        }
        out.append("\n    /** What is thrown instead of {@code e}. */\n    protected abstract ").append(exception)
                .append(" rethrown(").append(exception).append(" e);\n");
        DeclaredType baseType = (DeclaredType) base.asType();
        for (ExecutableElement method : guardedMethods(base, elements)) {
            ExecutableType member = (ExecutableType) types.asMemberOf(baseType, method);
            out.append('\n');
            appendMethod(out, method, member, exception);
        }
        out.append("}\n");
        String qualified = pkg.getQualifiedName() + "." + simpleName;
        try (Writer writer = processingEnv.getFiler().createSourceFile(qualified, pkg).openWriter()) {
            writer.write(out.toString());
        } catch (IOException e) {
            processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR,
                    "Cannot write " + qualified + ": " + e.getMessage(), pkg);
        }
    }

    /**
     * The class's implementations of the abstract methods of its {@code java.util} interfaces, and its own
     * {@code equals}, {@code hashCode} and {@code toString}; final ones left out; each signature once.
     */
    private List<ExecutableElement> guardedMethods(TypeElement base, Elements elements) {
        List<ExecutableElement> members = ElementFilter.methodsIn(elements.getAllMembers(base));
        List<ExecutableElement> guarded = new ArrayList<>();
        Set<String> signatures = new HashSet<>();
        for (ExecutableElement candidate : members) {
            Set<Modifier> modifiers = candidate.getModifiers();
            Element owner = candidate.getEnclosingElement();
            if (owner.getKind() != ElementKind.CLASS || !modifiers.contains(Modifier.PUBLIC)
                    || modifiers.contains(Modifier.STATIC) || modifiers.contains(Modifier.FINAL)
                    || modifiers.contains(Modifier.ABSTRACT)
                    || ((TypeElement) owner).getQualifiedName().contentEquals("java.lang.Object")) {
                continue;
            }
            boolean wanted = OBJECT_METHODS.contains(candidate.getSimpleName().toString())
                    ? isObjectMethod(candidate) : implementsCollectionMethod(candidate, base, elements);
            if (wanted && signatures.add(signature(candidate))) {
                guarded.add(candidate);
            }
        }
        guarded.sort((a, b) -> signature(a).compareTo(signature(b)));
        return guarded;
    }

    private static boolean isObjectMethod(ExecutableElement method) {
        String name = method.getSimpleName().toString();
        int parameters = method.getParameters().size();
        return name.equals("equals") ? parameters == 1 : parameters == 0;
    }

    private boolean implementsCollectionMethod(ExecutableElement method, TypeElement base, Elements elements) {
        for (TypeElement iface : utilInterfaces(base)) {
            for (ExecutableElement declared : ElementFilter.methodsIn(iface.getEnclosedElements())) {
                if (declared.getModifiers().contains(Modifier.ABSTRACT)
                        && declared.getSimpleName().equals(method.getSimpleName())
                        && elements.overrides(method, declared, base)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Every {@code java.util} interface the class implements, directly or not. */
    private Set<TypeElement> utilInterfaces(TypeElement base) {
        Types types = processingEnv.getTypeUtils();
        Set<TypeElement> found = new HashSet<>();
        Deque<TypeMirror> pending = new ArrayDeque<>(List.of(base.asType()));
        while (!pending.isEmpty()) {
            TypeMirror type = pending.pop();
            if (type.getKind() != TypeKind.DECLARED) {
                continue;
            }
            TypeElement element = (TypeElement) ((DeclaredType) type).asElement();
            if (element.getKind() == ElementKind.INTERFACE
                    && processingEnv.getElementUtils().getPackageOf(element).getQualifiedName().contentEquals("java.util")) {
                found.add(element);
            }
            pending.addAll(types.directSupertypes(type));
        }
        return found;
    }

    private String signature(ExecutableElement method) {
        return method.getSimpleName() + method.getParameters().stream()
                .map(p -> processingEnv.getTypeUtils().erasure(p.asType()).toString())
                .collect(Collectors.joining(",", "(", ")"));
    }

    private static void appendConstructor(StringBuilder out, String simpleName, ExecutableElement constructor) {
        out.append("\n    protected ").append(simpleName).append('(');
        List<String> arguments = new ArrayList<>();
        for (int i = 0; i < constructor.getParameters().size(); i++) {
            out.append(i == 0 ? "" : ", ").append(constructor.getParameters().get(i).asType()).append(" a").append(i);
            arguments.add("a" + i);
        }
        out.append(')').append(throwsClause(constructor.getThrownTypes())).append(" {\n        super(")
                .append(String.join(", ", arguments)).append(");\n    }\n");
    }

    private static void appendMethod(StringBuilder out, ExecutableElement method, ExecutableType member,
                                     String exception) {
        out.append("    @Override\n    public ");
        if (!method.getTypeParameters().isEmpty()) {
            out.append(method.getTypeParameters().stream().map(GuardedProcessor::typeParameter)
                    .collect(Collectors.joining(", ", "<", "> ")));
        }
        boolean returns = member.getReturnType().getKind() != TypeKind.VOID;
        out.append(member.getReturnType()).append(' ').append(method.getSimpleName()).append('(');
        List<String> arguments = new ArrayList<>();
        for (int i = 0; i < member.getParameterTypes().size(); i++) {
            out.append(i == 0 ? "" : ", ").append(member.getParameterTypes().get(i)).append(" a").append(i);
            arguments.add("a" + i);
        }
        out.append(')').append(throwsClause(member.getThrownTypes())).append(" {\n        try {\n            ")
                .append(returns ? "return " : "").append("super.").append(method.getSimpleName()).append('(')
                .append(String.join(", ", arguments)).append(");\n        } catch (").append(exception)
                .append(" e) {\n            throw rethrown(e);\n        }\n    }\n");
    }

    private static String throwsClause(List<? extends TypeMirror> thrown) {
        return thrown.isEmpty() ? ""
                : thrown.stream().map(TypeMirror::toString).collect(Collectors.joining(", ", " throws ", ""));
    }

    private static String typeParameter(TypeParameterElement parameter) {
        List<? extends TypeMirror> bounds = parameter.getBounds();
        boolean onlyObject = bounds.size() == 1 && bounds.get(0).toString().equals("java.lang.Object");
        return parameter.getSimpleName() + (bounds.isEmpty() || onlyObject ? ""
                : bounds.stream().map(TypeMirror::toString).collect(Collectors.joining(" & ", " extends ", "")));
    }
}
